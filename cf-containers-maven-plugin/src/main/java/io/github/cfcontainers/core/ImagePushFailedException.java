package io.github.cfcontainers.core;

/** The engine could not push an image; the message is the registry's or the engine's. */
public class ImagePushFailedException extends CfException {

  public ImagePushFailedException(String message) {
    super(message);
  }

  public ImagePushFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
