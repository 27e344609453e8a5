package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.deploy.DeploymentReport;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deploys the Worker and its containers: pushes the images cf:build made, uploads the Worker with
 * its Durable Object bindings and migrations, creates or updates each container application, and
 * turns on workers.dev. Changes only what differs from what is deployed.
 */
@Mojo(name = "deploy", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployMojo extends AbstractDeployMojo {

  /** Skips this goal only. */
  @Parameter(property = PropertyNames.DEPLOY_SKIP, defaultValue = "false")
  private boolean skipDeploy;

  /** Wait for each rollout to finish, showing its progress. */
  @Parameter(property = PropertyNames.WAIT, defaultValue = "false")
  private boolean waitForRollouts;

  /** Plan only, like cf:plan: check and read everything, change nothing. */
  @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
  private boolean dryRun;

  public DeployMojo() {
    super("cf:deploy", PropertyNames.DEPLOY_SKIP);
  }

  @Override
  protected boolean isGoalSkipped() {
    return skipDeploy;
  }

  @Override
  protected void run(Reporter reporter) {
    if (dev && !devRemote) {
      reporter.info(
          "Skipping cf:deploy: dev mode keeps the images local (cloudflare-dev/...) for the local"
              + " Workers runtime; set "
              + PropertyNames.DEV_REMOTE
              + "=true to push them and deploy.");
      return;
    }
    DeploymentReport report = deploy(reporter, !dryRun, waitForRollouts);
    if (dryRun) {
      reporter.info("Dry run (" + PropertyNames.DRY_RUN + "): nothing was changed.");
      return;
    }
    long changed =
        report.containers().stream().filter(c -> !"no_change".equals(c.action())).count();
    reporter.info(
        "Deployed "
            + report.worker().name()
            + ": Worker "
            + report.worker().action()
            + ", "
            + changed
            + " of "
            + report.containers().size()
            + " application(s) changed");
    if (report.worker().url() != null) {
      reporter.info(report.worker().url());
    }
  }
}
