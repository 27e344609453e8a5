package io.github.cfcontainers.docker;

import java.io.IOException;
import java.nio.file.Path;

/** The build context holds a fifo, socket or device, which cannot travel in the context tar. */
public final class SpecialFileInContextException extends IOException {

  private final Path context;
  private final String relativePath;

  SpecialFileInContextException(Path context, String relativePath) {
    super(
        "The build context "
            + context
            + " contains "
            + relativePath
            + ", which is not a regular file, directory or symlink (a fifo, socket or device), so it cannot be sent"
            + " to the Docker engine. Fix: add the line '"
            + relativePath
            + "' to "
            + context.resolve(".dockerignore")
            + ", or move it out of the context.");
    this.context = context;
    this.relativePath = relativePath;
  }

  public Path context() {
    return context;
  }

  public String relativePath() {
    return relativePath;
  }
}
