package io.github.cfcontainers.maven;

import io.github.cfcontainers.build.BuildRequest;
import io.github.cfcontainers.build.BuildService;
import io.github.cfcontainers.build.WorkerBuild;
import io.github.cfcontainers.build.WorkerBundleFailedException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.deploy.ApiAccess;
import io.github.cfcontainers.docker.DockerContextDigest;
import io.github.cfcontainers.worker.WorkerBundler;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Bundles the Worker (when the project has one), builds the image of every configured container
 * with the local Docker engine, and writes {@code target/cf-containers/build.json}; what is
 * unchanged since the last build.json is reused (see {@link BuildService}).
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractCfMojo {

  /** Skips this goal only. */
  @Parameter(property = PropertyNames.BUILD_SKIP, defaultValue = "false")
  private boolean skipBuild;

  public BuildMojo() {
    super("cf:build", PropertyNames.BUILD_SKIP);
  }

  @Override
  protected boolean isGoalSkipped() {
    return skipBuild;
  }

  /** This plugin as it is running, for its goal prefix and its goals' default phases. */
  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  @Override
  protected void run(Reporter reporter) throws MojoFailureException {
    var request =
        new BuildRequest(
            project.getBasedir().toPath(),
            workerName,
            configuredContainers(),
            worker != null,
            worker == null ? null : worker.directory,
            worker == null ? null : worker.entryPoint,
            dev,
            verbose,
            session.isOffline(),
            outputDirectory.toPath());
    WorkerBuild.Bundler bundler = new WorkerBundler()::bundle;
    try {
      new BuildService(
              SharedDockerEngine.lease(session), new DockerContextDigest(), bundler, reporter)
          .build(request);
    } catch (WorkerBundleFailedException e) {
      throw WorkerBundling.failure(e);
    }
    warmUpApiClientIfNeeded(reporter);
  }

  /**
   * In {@code mvn deploy} cf:deploy comes next, and opening its API client is the largest part of
   * its time in a cold JVM: that part runs now, on another thread, while Maven goes on (install,
   * integration tests, ...), unless {@link EarlyWarmUp} started it already. Started once this
   * goal's own work is done, which it would slow down: measured, starting it first made an
   * unchanged cf:build 0.1 s slower for no gain overall.
   */
  private void warmUpApiClientIfNeeded(Reporter reporter) {
    try {
      if (ApiGoalAhead.in(session, project, plugin)) {
        ApiAccess.warmUpInBackground(EarlyWarmUp.apiBaseUrl(session), System::getenv, reporter);
      }
    } catch (RuntimeException e) { // an optimisation only: it never fails the goal
      reporter.debug("No API client warm-up: " + e);
    }
  }
}
