package io.github.cfcontainers.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PushResponseItem;
import io.github.cfcontainers.build.ImagePushFailedException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Follows a push: one line per layer status change (not per progress tick), the digest from the
 * final {@code aux} item, and the error the daemon reports as a stream item — a failed push does
 * not throw in docker-java, so without this check it would pass silently.
 */
final class PushProgress extends ResultCallback.Adapter<PushResponseItem> {

  private final Consumer<String> progress;
  private final Map<String, String> layerStatus = new HashMap<>();
  private volatile String digest;
  private volatile String error;

  PushProgress(Consumer<String> progress) {
    this.progress = progress;
  }

  @Override
  public void onNext(PushResponseItem item) {
    if (item.isErrorIndicated()) {
      error =
          item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
              ? item.getErrorDetail().getMessage()
              : item.getError();
      return;
    }
    if (item.getAux() != null && item.getAux().getDigest() != null) {
      digest = item.getAux().getDigest();
    }
    String status = item.getStatus();
    if (item.getId() != null
        && status != null
        && !status.equals(layerStatus.put(item.getId(), status))) {
      progress.accept(item.getId() + ": " + status);
    }
  }

  String digest(String reference) {
    if (error != null) {
      throw new ImagePushFailedException("Pushing " + reference + " failed: " + error);
    }
    if (digest == null) {
      throw new ImagePushFailedException(
          "Pushing " + reference + " ended without a digest from the registry.");
    }
    return digest;
  }
}
