package io.github.cfcontainers.build;

import io.github.cfcontainers.common.CfException;

/** The engine could not push an image; the message is the registry's or the engine's. */
public class ImagePushFailedException extends CfException {

  public ImagePushFailedException(String message) {
    super(message);
  }

  public ImagePushFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
