package io.github.cfcontainers.maven;

import io.github.cfcontainers.core.ContainerResolver;
import io.github.cfcontainers.core.ContainerSpec;
import io.github.cfcontainers.core.Reporter;
import io.github.cfcontainers.core.operate.DestroyIncompleteException;
import io.github.cfcontainers.core.operate.DestroyReport;
import io.github.cfcontainers.core.operate.DestroyService;
import io.github.cfcontainers.core.operate.DestroySettings;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes what cf:deploy made for this Worker: first its container applications (deleting a Worker leaves them
 * running and billing), then the Worker itself, whose Durable Object namespaces and their stored data go with it.
 * Only this Worker's applications are deleted, i.e. those serving one of its Durable Object namespaces (plus an
 * application with a configured container name whose namespace no longer exists); an application of another Worker
 * is never touched, even when it has a configured name.
 *
 * <p>Prints what it will delete before deleting. Something already gone counts as done, so running the goal again
 * after a failure finishes the job. Writes {@code target/cf-containers/destroy.json}. Images stay in the registry.
 * Not bound to a phase: run {@code mvn cf:destroy}, or {@code mvn cf:destroy -Dcf.dryRun} to see the plan only.
 */
@Mojo(name = "destroy", threadSafe = true)
public class DestroyMojo extends AbstractDeployMojo {

  /** Skips this goal only. */
  @Parameter(property = CfProperties.DESTROY_SKIP, defaultValue = "false")
  private boolean skipDestroy;

  /** Print what would be deleted, and delete nothing. */
  @Parameter(property = CfProperties.DRY_RUN, defaultValue = "false")
  private boolean dryRun;

  @Override
  protected String goal() {
    return "cf:destroy";
  }

  @Override
  protected String goalSkipProperty() {
    return CfProperties.DESTROY_SKIP;
  }

  @Override
  protected boolean isGoalSkipped() {
    return skipDestroy;
  }

  @Override
  protected void run(Reporter reporter) {
    var specs = new ContainerResolver(project.getBasedir().toPath()).resolve(workerName, containerInputs());
    var settings = new DestroySettings(workerName, specs.stream().map(ContainerSpec::name).toList());
    var out = outputDirectory.toPath();
    DestroyReport report;
    try (var api = openApi(reporter)) {
      report = new DestroyService(api, reporter).destroy(settings, !dryRun);
    } catch (DestroyIncompleteException e) {
      e.report().write(out);
      throw e;
    }
    report.write(out);
    if (dryRun) {
      reporter.info("Plan only: nothing was deleted.");
      return;
    }
    long deleted = report.resources().stream().filter(r -> "deleted".equals(r.outcome())).count();
    reporter.info(deleted == 0 ? "Nothing to delete: " + workerName + " is not deployed."
        : "Destroyed " + workerName + ": " + deleted + " resource(s) deleted.");
  }
}
