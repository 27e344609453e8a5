package io.github.cfcontainers.build;

import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.Reporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the last build.json recorded, or nothing when it is missing or unreadable. */
record PreviousBuild(BuildReport report) {

  static PreviousBuild none() {
    return new PreviousBuild(null);
  }

  /** A corrupt file is no error here: the build runs in full and rewrites it. */
  static PreviousBuild read(Path outputDirectory, Reporter reporter) {
    if (!Files.isRegularFile(outputDirectory.resolve(BuildReportFile.FILE_NAME))) {
      return none();
    }
    try {
      return new PreviousBuild(BuildReportFile.read(outputDirectory));
    } catch (CfException e) {
      reporter.debug("Not reusing the last build: " + e.getMessage());
      return none();
    }
  }

  Optional<BuildReport.Image> image(String name) {
    if (report == null || report.containers() == null) {
      return Optional.empty();
    }
    return report.containers().stream()
        .filter(image -> name.equals(image.name()) && !image.prebuilt())
        .findFirst();
  }

  Optional<BuildReport.WorkerBundleSummary> workerBundle() {
    return report == null ? Optional.empty() : Optional.ofNullable(report.workerBundle());
  }
}
