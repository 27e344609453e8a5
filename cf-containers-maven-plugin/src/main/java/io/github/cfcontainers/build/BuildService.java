package io.github.cfcontainers.build;

import io.github.cfcontainers.common.Background;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.config.ContainerResolver;
import io.github.cfcontainers.config.WorkerExports;
import java.util.LinkedHashSet;

/**
 * {@code cf:build}: bundles the Worker (when the project has one), checks that it exports every
 * container class, builds each image and writes build.json. What is unchanged since the last
 * build.json (same content key) is reused instead of rebuilt.
 */
public final class BuildService {

  private final ContainerEngine engine;
  private final BuildContextDigest contextDigest;
  private final WorkerBuild.Bundler bundler;
  private final Reporter reporter;

  /**
   * @param engine connected on first use only: a build with nothing to do asks it only whether the
   *     recorded images are still there
   */
  public BuildService(
      ContainerEngine engine,
      BuildContextDigest contextDigest,
      WorkerBuild.Bundler bundler,
      Reporter reporter) {
    this.engine = engine;
    this.contextDigest = contextDigest;
    this.bundler = bundler;
    this.reporter = reporter;
  }

  public BuildReport build(BuildRequest request) {
    var specs =
        new ContainerResolver(request.baseDirectory())
            .resolve(request.workerName(), request.containers());
    var source =
        WorkerBuild.source(
            request.workerConfigured(),
            request.workerDirectory(),
            request.workerEntryPoint(),
            request.baseDirectory(),
            request.outputDirectory(),
            request.offline());
    // read (Jackson's first use in the goal) while this thread computes the content keys
    var previous =
        Background.start(
            "cf-previous-build", () -> PreviousBuild.read(request.outputDirectory(), reporter));
    BuildReport.WorkerBundleSummary summary = null;
    if (source.isPresent()) {
      summary = WorkerBuild.bundleOrReuse(bundler, source.get(), previous, reporter);
      WorkerExports.requireExported(
          new LinkedHashSet<>(summary.exports()), specs, source.get().entryPoint().toString());
    } else {
      reporter.info("No Worker project (worker/package.json): building the container images only");
    }
    var settings =
        new BuildSettings(
            request.workerName(),
            specs,
            request.dev(),
            request.verbose(),
            request.offline(),
            request.outputDirectory(),
            summary);
    var report = new ImageBuildService(engine, contextDigest, reporter).build(settings, previous);
    reporter.info(
        "Images of "
            + report.containers().size()
            + " container(s) ready; see "
            + settings.outputDirectory().resolve(BuildReportFile.FILE_NAME));
    return report;
  }
}
