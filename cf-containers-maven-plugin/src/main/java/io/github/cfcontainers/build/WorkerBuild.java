package io.github.cfcontainers.build;

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
import java.util.function.Supplier;

/** Finds the project's Worker from {@code <worker>} and bundles it with the project's esbuild. */
public final class WorkerBuild {

  public static final String DEFAULT_DIRECTORY = "worker";
  public static final String DEFAULT_ENTRY_POINT = "src/worker.ts";

  /** The bundler's one call, so tests can stand in for npm and esbuild. */
  @FunctionalInterface
  public interface Bundler {
    WorkerBundle bundle(WorkerSource source, Reporter reporter) throws WorkerBundleException;
  }

  private WorkerBuild() {}

  /**
   * The Worker's sources, or empty when the project has none: no {@code <worker>} element and no
   * {@code worker/package.json}. A configured {@code <worker>} that is missing is an error.
   *
   * @param configured whether the POM has a {@code <worker>} element
   * @param directory {@code <worker><directory>}, or null for the default
   * @param entryPoint {@code <worker><entryPoint>}, or null for the default
   */
  public static Optional<WorkerSource> source(
      boolean configured,
      String directory,
      String entryPoint,
      Path baseDirectory,
      Path outputDirectory,
      boolean offline) {
    Path project =
        baseDirectory.resolve(directory == null ? DEFAULT_DIRECTORY : directory).normalize();
    if (!Files.isRegularFile(project.resolve("package.json"))) {
      if (!configured) {
        return Optional.empty();
      }
      throw new InvalidSettingException(
          Setting.of("worker", "directory"),
          "The Worker project " + project + " has no package.json.",
          "point <directory> at the npm project of the Worker (default: worker)");
    }
    try {
      return Optional.of(
          WorkerSource.of(
                  project,
                  entryPoint == null ? DEFAULT_ENTRY_POINT : entryPoint,
                  outputDirectory.resolve("worker"))
              .withOffline(offline));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(
          Setting.of("worker", "entryPoint"),
          e.getMessage() + ".",
          "use a .ts, .js, .mts or .mjs file inside <directory>, e.g. src/worker.ts");
    }
  }

  public static WorkerBundle bundle(Bundler bundler, WorkerSource source, Reporter reporter) {
    try {
      return bundler.bundle(source, reporter);
    } catch (WorkerBundleException e) {
      throw new WorkerBundleFailedException(e);
    }
  }

  public static WorkerBundle bundle(WorkerSource source, Reporter reporter) {
    return bundle(new WorkerBundler()::bundle, source, reporter);
  }

  public static BuildReport.WorkerBundleSummary summary(WorkerSource source, WorkerBundle bundle) {
    return new BuildReport.WorkerBundleSummary(
        source.projectDirectory().toString(),
        bundle.mainModule(),
        bundle.sha256(),
        List.copyOf(bundle.exports()),
        null);
  }

  /**
   * The last bundle when the Worker's content key still matches what build.json recorded, else a
   * fresh bundle, recorded with its key for the next build.
   */
  static BuildReport.WorkerBundleSummary bundleOrReuse(
      Bundler bundler, WorkerSource source, Supplier<PreviousBuild> previous, Reporter reporter) {
    var sources = WorkerContentKey.sources(source);
    if (sources.isEmpty()) {
      reporter.debug(
          "No content key for the Worker bundle: a file could not be read, or a tsconfig extends"
              + " what is not found here; it is bundled every time");
    }
    var key = sources.flatMap(digest -> WorkerContentKey.of(source, digest));
    var recorded = previous.get().workerBundle();
    if (key.isPresent() && recorded.isPresent() && key.get().equals(recorded.get().contentKey())) {
      reporter.info(
          "Worker bundle unchanged since the last build: "
              + ImageContentKey.shortKey(key.get())
              + "; reusing "
              + source.outputDirectory().resolve(recorded.get().mainModule()));
      return recorded.get();
    }
    var summary = summary(source, bundle(bundler, source, reporter));
    var sourcesAfter = WorkerContentKey.sources(source);
    if (sources.isEmpty() || !sources.equals(sourcesAfter)) {
      // a file saved while esbuild ran may not be in the bundle: recorded as bundled, the next
      // build would reuse the stale bundle
      if (sources.isPresent()) {
        reporter.info(
            "Worker sources or configs changed while bundling (an edit, or npm writing"
                + " package-lock.json): not recorded as bundled, the next build bundles again");
      }
      return summary;
    }
    return summary.withContentKey(WorkerContentKey.of(source, sourcesAfter.get()).orElse(null));
  }
}
