package io.github.cfcontainers.core;

/** The engine refused or failed a build; the message is the engine's own. */
public class ImageBuildFailedException extends CfException {

  public ImageBuildFailedException(String message) {
    super(message);
  }

  public ImageBuildFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
