package io.github.cfcontainers.maven;

import io.github.cfcontainers.core.BuildSettings;
import io.github.cfcontainers.core.ContainerResolver;
import io.github.cfcontainers.core.ImageBuildService;
import io.github.cfcontainers.core.Reporter;
import io.github.cfcontainers.docker.DockerJavaEngine;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the image of every configured container with the local Docker engine and writes
 * {@code target/cf-containers/build.json}.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractCfMojo {

  /** Skips this goal only. */
  @Parameter(property = CfProperties.BUILD_SKIP, defaultValue = "false")
  private boolean skipBuild;

  @Override
  protected String goal() {
    return "cf:build";
  }

  @Override
  protected String goalSkipProperty() {
    return CfProperties.BUILD_SKIP;
  }

  @Override
  protected boolean isGoalSkipped() {
    return skipBuild;
  }

  @Override
  protected void run(Reporter reporter) {
    var specs = new ContainerResolver(project.getBasedir().toPath()).resolve(workerName, containerInputs());
    var settings = new BuildSettings(workerName, specs, dev, verbose, session.isOffline(), outputDirectory.toPath());
    try (var engine = new DockerJavaEngine()) {
      var report = new ImageBuildService(engine, reporter).build(settings);
      reporter.info("Images of " + report.containers().size() + " container(s) ready; see "
          + settings.outputDirectory().resolve("build.json"));
    } catch (IOException e) {
      reporter.debug("Closing the Docker client failed: " + e.getMessage());
    }
  }
}
