package io.github.cfcontainers.common;

/** Base of every failure the core reports to the user; its message is meant to be read as is. */
public class CfException extends RuntimeException {

  public CfException(String message) {
    super(message);
  }

  public CfException(String message, Throwable cause) {
    super(message, cause);
  }
}
