package io.github.cfcontainers.maven;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.build.BuildSettings;
import io.github.cfcontainers.build.ImageBuildService;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.config.ContainerResolver;
import io.github.cfcontainers.config.WorkerExports;
import io.github.cfcontainers.docker.DockerJavaEngine;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Bundles the Worker (when the project has one), builds the image of every configured container
 * with the local Docker engine, and writes {@code target/cf-containers/build.json}.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractCfMojo {

  /** Skips this goal only. */
  @Parameter(property = PropertyNames.BUILD_SKIP, defaultValue = "false")
  private boolean skipBuild;

  @Override
  protected String goal() {
    return "cf:build";
  }

  @Override
  protected String goalSkipProperty() {
    return PropertyNames.BUILD_SKIP;
  }

  @Override
  protected boolean isGoalSkipped() {
    return skipBuild;
  }

  @Override
  protected void run(Reporter reporter) throws MojoFailureException {
    Path baseDirectory = project.getBasedir().toPath();
    var specs = new ContainerResolver(baseDirectory).resolve(workerName, configuredContainers());
    var source =
        WorkerBundling.source(worker, baseDirectory, outputDirectory.toPath(), session.isOffline());
    BuildReport.WorkerBundleSummary summary = null;
    if (source.isPresent()) {
      var bundle = WorkerBundling.bundle(source.get(), reporter);
      WorkerExports.requireExported(bundle.exports(), specs, source.get().entryPoint().toString());
      summary = WorkerBundling.summary(source.get(), bundle);
    } else {
      reporter.info("No Worker project (worker/package.json): building the container images only");
    }
    var settings =
        new BuildSettings(
            workerName,
            specs,
            dev,
            verbose,
            session.isOffline(),
            outputDirectory.toPath(),
            summary);
    try (var engine = new DockerJavaEngine()) {
      var report = new ImageBuildService(engine, reporter).build(settings);
      reporter.info(
          "Images of "
              + report.containers().size()
              + " container(s) ready; see "
              + settings.outputDirectory().resolve("build.json"));
    } catch (IOException e) {
      reporter.debug("Closing the Docker client failed: " + e.getMessage());
    }
  }
}
