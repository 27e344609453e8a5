package io.github.cfcontainers.build;

import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.worker.WorkerBundleException;

/** The Worker could not be bundled; the message is the bundler's own, verbatim, after a prefix. */
public class WorkerBundleFailedException extends CfException {

  public WorkerBundleFailedException(WorkerBundleException cause) {
    // The cause's own message, verbatim: Maven appends a cause's message that the error does not
    // already contain, so a reworded copy printed the problem twice.
    super("Bundling the Worker failed: " + cause.getMessage(), cause);
  }
}
