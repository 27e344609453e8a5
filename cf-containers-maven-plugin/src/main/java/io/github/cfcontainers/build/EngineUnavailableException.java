package io.github.cfcontainers.build;

import io.github.cfcontainers.common.CfException;

/** No container engine answered where one was expected. */
public class EngineUnavailableException extends CfException {

  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
