package io.github.cfcontainers.maven;

import io.github.cfcontainers.build.BuildRequest;
import io.github.cfcontainers.build.BuildService;
import io.github.cfcontainers.build.WorkerBuild;
import io.github.cfcontainers.build.WorkerBundleFailedException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.docker.DockerContextDigest;
import io.github.cfcontainers.worker.WorkerBundler;
import org.apache.maven.plugin.MojoFailureException;
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
  }
}
