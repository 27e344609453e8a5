package io.github.cfcontainers.operate;

import io.github.cfcontainers.common.CfException;

/** A delete failed midway; carries what was done so far, so destroy.json can say it. */
public final class DestroyIncompleteException extends CfException {

  private static final long serialVersionUID = 1L;

  private final transient DestroyReport report;

  DestroyIncompleteException(String message, DestroyReport report, RuntimeException cause) {
    super(message, cause);
    this.report = report;
  }

  public DestroyReport report() {
    return report;
  }
}
