package io.github.cfcontainers.maven;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.worker.WorkerBundle;
import io.github.cfcontainers.worker.WorkerBundleException;
import io.github.cfcontainers.worker.WorkerBundler;
import io.github.cfcontainers.worker.WorkerSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;

/** Finds the project's Worker from {@code <worker>} and bundles it with the project's esbuild. */
final class WorkerBundling {

  static final String DEFAULT_DIRECTORY = "worker";
  static final String DEFAULT_ENTRY_POINT = "src/worker.ts";

  private WorkerBundling() {}

  /**
   * The Worker's sources, or empty when the project has none: no {@code <worker>} element and no
   * {@code worker/package.json}. A configured {@code <worker>} that is missing is an error.
   */
  static Optional<WorkerSource> source(
      Worker worker, Path baseDirectory, Path outputDirectory, boolean offline) {
    String directory =
        worker == null || worker.directory == null ? DEFAULT_DIRECTORY : worker.directory;
    String entryPoint =
        worker == null || worker.entryPoint == null ? DEFAULT_ENTRY_POINT : worker.entryPoint;
    Path project = baseDirectory.resolve(directory).normalize();
    if (!Files.isRegularFile(project.resolve("package.json"))) {
      if (worker == null) {
        return Optional.empty();
      }
      throw new InvalidSettingException(
          Setting.of("worker", "directory"),
          "The Worker project " + project + " has no package.json.",
          "point <directory> at the npm project of the Worker (default: worker)");
    }
    try {
      return Optional.of(
          WorkerSource.of(project, entryPoint, outputDirectory.resolve("worker"))
              .withOffline(offline));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(
          Setting.of("worker", "entryPoint"),
          e.getMessage() + ".",
          "use a .ts, .js, .mts or .mjs file inside <directory>, e.g. src/worker.ts");
    }
  }

  static WorkerBundle bundle(WorkerSource source, Reporter reporter) throws MojoFailureException {
    try {
      return new WorkerBundler().bundle(source, reporter);
    } catch (WorkerBundleException e) {
      // The cause's own message, verbatim: Maven appends a cause's message that the error does not
      // already contain, so a reworded copy printed the problem twice.
      throw new MojoFailureException("Bundling the Worker failed: " + e.getMessage(), e);
    }
  }

  static BuildReport.WorkerBundleSummary summary(WorkerSource source, WorkerBundle bundle) {
    return new BuildReport.WorkerBundleSummary(
        source.projectDirectory().toString(),
        bundle.mainModule(),
        bundle.sha256(),
        List.copyOf(bundle.exports()));
  }
}
