package io.github.cfcontainers.maven;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.build.WorkerBuild;
import io.github.cfcontainers.build.WorkerBundleFailedException;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.worker.WorkerBundle;
import io.github.cfcontainers.worker.WorkerSource;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;

/** {@link WorkerBuild} for the mojos: the POM's {@code <worker>} in, Maven's failure type out. */
final class WorkerBundling {

  private WorkerBundling() {}

  static Optional<WorkerSource> source(
      Worker worker, Path baseDirectory, Path outputDirectory, boolean offline) {
    return WorkerBuild.source(
        worker != null,
        worker == null ? null : worker.directory,
        worker == null ? null : worker.entryPoint,
        baseDirectory,
        outputDirectory,
        offline);
  }

  static WorkerBundle bundle(WorkerSource source, Reporter reporter) throws MojoFailureException {
    try {
      return WorkerBuild.bundle(source, reporter);
    } catch (WorkerBundleFailedException e) {
      throw failure(e);
    }
  }

  /** The same text, as the build failure Maven reports without a stack trace. */
  static MojoFailureException failure(WorkerBundleFailedException e) {
    return new MojoFailureException(e.getMessage(), e.getCause());
  }

  static BuildReport.WorkerBundleSummary summary(WorkerSource source, WorkerBundle bundle) {
    return WorkerBuild.summary(source, bundle);
  }
}
