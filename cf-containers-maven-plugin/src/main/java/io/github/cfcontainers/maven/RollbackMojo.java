package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.deploy.ResolvedProject;
import io.github.cfcontainers.operate.RollbackFailedException;
import io.github.cfcontainers.operate.RollbackReport;
import io.github.cfcontainers.operate.RollbackService;
import io.github.cfcontainers.operate.RollbackSettings;
import java.time.Clock;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Returns each configured container application (or only {@code -Dcf.container=<name>}) to the
 * configuration it ran before the current one, through a new rollout with the container's {@code
 * <rollout>} policy. What ran before is read from the application's rollout history on Cloudflare,
 * not from a local file, so it works from a fresh checkout: the target of the rollout before the
 * current one, or the configuration the current rollout replaced. Rolling back twice returns to
 * where the first rollback started. The Worker is not changed.
 *
 * <p>Prints from what to what (image digests, size, logs) before changing anything, and writes
 * {@code target/cf-containers/rollback.json}. When an application has nothing to roll back to (not
 * deployed, or no earlier configuration in its history) it fails and changes nothing. {@code
 * -Dcf.dryRun} prints the plan only; {@code -Dcf.wait} follows each rollout until the instances run
 * it ({@code -Dcf.wait.timeout}). Afterwards cf:status reports drift, since the POM still names the
 * newer image; deploy again to roll forward. Not bound to a phase: run {@code mvn cf:rollback}.
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends AbstractDeployMojo {

  /** Skips this goal only. */
  @Parameter(property = PropertyNames.ROLLBACK_SKIP, defaultValue = "false")
  private boolean skipRollback;

  /** Roll back only this container: its application name or its Durable Object class name. */
  @Parameter(property = PropertyNames.CONTAINER)
  private String container;

  /** Wait for each rollback rollout to finish and the instances to run it, showing its progress. */
  @Parameter(property = PropertyNames.WAIT, defaultValue = "false")
  private boolean waitForRollouts;

  /** Print what would be rolled back, and change nothing. */
  @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
  private boolean dryRun;

  public RollbackMojo() {
    super("cf:rollback", PropertyNames.ROLLBACK_SKIP);
  }

  @Override
  protected boolean isGoalSkipped() {
    return skipRollback;
  }

  @Override
  protected void run(Reporter reporter) {
    waitTimeout(); // a bad -Dcf.wait.timeout fails before anything remote changes
    var containers =
        ResolvedProject.resolve(
                project.getBasedir().toPath(),
                workerName,
                configuredContainers(),
                worker,
                declaredSecrets(),
                false,
                Clock.systemUTC())
            .containers();
    var settings = new RollbackSettings(containers, container, waitForRollouts);
    var out = outputDirectory.toPath();
    RollbackReport report;
    try (var api = openApi(reporter)) {
      report =
          new RollbackService(api, reporter, watcher(api, reporter)).rollback(settings, !dryRun);
    } catch (RollbackFailedException e) {
      e.report().write(out);
      throw e;
    }
    report.write(out);
    if (dryRun) {
      reporter.info("Plan only (" + PropertyNames.DRY_RUN + "): nothing was changed.");
      return;
    }
    reporter.info(
        "Rolled back "
            + report.applications().size()
            + " application(s)"
            + (waitForRollouts
                ? "; their instances run the earlier configuration."
                : "; the rollouts go on remotely"
                    + " (follow them with 'mvn cf:status'; -D"
                    + PropertyNames.WAIT
                    + " waits for them)."));
  }
}
