package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.Reporter;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Shows what cf:deploy would do, per resource (create, update with the field diff, or no change),
 * after the same checks and reads. Changes nothing.
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractDeployMojo {

  public PlanMojo() {
    super("cf:plan", null);
  }

  @Override
  protected void run(Reporter reporter) {
    deploy(reporter, false, false);
    reporter.info("Plan only: nothing was changed.");
  }
}
