package io.github.cfcontainers.docker;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.github.cfcontainers.build.ImageBuildFailedException;
import java.util.function.Consumer;

/**
 * Forwards each output line and keeps the engine's error, which the daemon sends as a stream item.
 */
final class BuildOutputCallback extends BuildImageResultCallback {
  private final Consumer<String> output;
  private final StringBuilder partial = new StringBuilder();
  private String error;

  BuildOutputCallback(Consumer<String> output) {
    this.output = output;
  }

  @Override
  public void onNext(BuildResponseItem item) {
    if (item.getStream() != null) {
      partial.append(item.getStream());
      int newline;
      while ((newline = partial.indexOf("\n")) >= 0) {
        output.accept(stripTrailing(partial.substring(0, newline)));
        partial.delete(0, newline + 1);
      }
    }
    if (item.isErrorIndicated()) {
      error =
          item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
              ? item.getErrorDetail().getMessage()
              : item.getError();
    }
    super.onNext(item);
  }

  String imageId() {
    try {
      String shortId = awaitImageId();
      flush();
      return shortId;
    } catch (DockerException | com.github.dockerjava.api.exception.DockerClientException e) {
      flush();
      // The daemon's own error says it all; docker-java's wrapper would only repeat it.
      throw error != null
          ? new ImageBuildFailedException(error)
          : new ImageBuildFailedException(e.getMessage(), e);
    }
  }

  private void flush() {
    if (partial.length() > 0) {
      output.accept(stripTrailing(partial.toString()));
      partial.setLength(0);
    }
  }

  private static String stripTrailing(String line) {
    return line.replaceAll("[\\r\\s]+$", "");
  }
}
