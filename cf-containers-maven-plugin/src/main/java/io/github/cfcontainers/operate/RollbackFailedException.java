package io.github.cfcontainers.operate;

import io.github.cfcontainers.common.CfException;

/**
 * A rollback that stopped part way, with what it did before (written to rollback.json all the
 * same).
 */
public final class RollbackFailedException extends CfException {

  private final transient RollbackReport report;

  public RollbackFailedException(String message, RollbackReport report, Throwable cause) {
    super(message, cause);
    this.report = report;
  }

  public RollbackReport report() {
    return report;
  }
}
