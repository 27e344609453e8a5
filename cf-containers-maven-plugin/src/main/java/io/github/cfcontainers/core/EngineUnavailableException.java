package io.github.cfcontainers.core;

/** No container engine answered where one was expected. */
public class EngineUnavailableException extends CfException {

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
