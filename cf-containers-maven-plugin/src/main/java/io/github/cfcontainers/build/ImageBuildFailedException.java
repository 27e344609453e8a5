package io.github.cfcontainers.build;

import io.github.cfcontainers.common.CfException;

/** The engine refused or failed a build; the message is the engine's own. */
public class ImageBuildFailedException extends CfException {

  public ImageBuildFailedException(String message) {
    super(message);
  }

  public ImageBuildFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
