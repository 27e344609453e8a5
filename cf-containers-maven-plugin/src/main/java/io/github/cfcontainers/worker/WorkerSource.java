package io.github.cfcontainers.worker;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What to bundle: an npm project holding the Worker sources.
 *
 * @param projectDirectory the npm project directory (holds {@code package.json})
 * @param entryPoint the entry module, relative to {@code projectDirectory}; ends with {@code .ts},
 *     {@code .js}, {@code .mts} or {@code .mjs}
 * @param outputDirectory where {@code worker.js}, its source map and esbuild's metafile are written
 * @param offline when true, npm is never run (a missing {@code node_modules} is an error)
 * @param nodeExecutable explicit {@code node} executable, or {@code null} to look it up on the PATH
 * @param npmExecutable explicit {@code npm} executable, or {@code null} to look it up on the PATH
 */
public record WorkerSource(
    Path projectDirectory,
    Path entryPoint,
    Path outputDirectory,
    boolean offline,
    Path nodeExecutable,
    Path npmExecutable) {

  public WorkerSource {
    Objects.requireNonNull(projectDirectory, "projectDirectory");
    Objects.requireNonNull(entryPoint, "entryPoint");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    if (entryPoint.isAbsolute()) {
      throw new IllegalArgumentException(
          "entryPoint must be relative to the project directory: " + entryPoint);
    }
    Path normalized = entryPoint.normalize();
    if (normalized.toString().isEmpty() || normalized.startsWith("..")) {
      throw new IllegalArgumentException(
          "entryPoint must lie inside the project directory: " + entryPoint);
    }
    String name = normalized.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!(name.endsWith(".ts")
        || name.endsWith(".js")
        || name.endsWith(".mts")
        || name.endsWith(".mjs"))) {
      throw new IllegalArgumentException(
          "entryPoint must be a .ts, .js, .mts or .mjs file: " + entryPoint);
    }
    entryPoint = normalized;
  }

  /** An online source using {@code node} and {@code npm} from the PATH. */
  public static WorkerSource of(Path projectDirectory, String entryPoint, Path outputDirectory) {
    return new WorkerSource(
        projectDirectory, Path.of(entryPoint), outputDirectory, false, null, null);
  }

  public WorkerSource withOffline(boolean offline) {
    return new WorkerSource(
        projectDirectory, entryPoint, outputDirectory, offline, nodeExecutable, npmExecutable);
  }

  public WorkerSource withNodeExecutable(Path node) {
    return new WorkerSource(
        projectDirectory, entryPoint, outputDirectory, offline, node, npmExecutable);
  }

  public WorkerSource withNpmExecutable(Path npm) {
    return new WorkerSource(
        projectDirectory, entryPoint, outputDirectory, offline, nodeExecutable, npm);
  }

  public Optional<Path> node() {
    return Optional.ofNullable(nodeExecutable);
  }

  public Optional<Path> npm() {
    return Optional.ofNullable(npmExecutable);
  }
}
