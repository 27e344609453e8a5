package io.github.cfcontainers.worker;

import io.github.cfcontainers.common.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Installs the Worker's dependencies only when {@code node_modules} is missing ({@code npm ci} with
 * a lockfile, else {@code npm install}), never offline, and turns npm's failures into short errors.
 */
final class NpmInstall {

  private NpmInstall() {}

  static void ensureInstalled(
      WorkerSource source, Path project, NodeToolchain toolchain, Duration timeout, Reporter log)
      throws WorkerBundleException {
    if (Files.isDirectory(project.resolve("node_modules"))) {
      log.debug("node_modules present in " + project + ": not running npm");
      warnIfStale(project, log);
      return;
    }
    boolean lock = Files.isRegularFile(project.resolve("package-lock.json"));
    String verb = lock ? "ci" : "install";
    if (source.offline()) {
      throw new WorkerBundleException(
          "The Worker's dependencies are not installed (no node_modules in "
              + project
              + ") and offline mode forbids running `npm "
              + verb
              + "`.",
          "run `npm "
              + verb
              + "` in "
              + project
              + " yourself, or build without offline mode (-o).");
    }
    Path npm = toolchain.npm();
    List<String> cmd = List.of(npm.toString(), verb, "--no-audit", "--no-fund");
    log.info("Installing the Worker's dependencies: npm " + verb + " in " + project);
    var output =
        new ToolOutput(
            "npm",
            log,
            line -> isNpmError(line) && !line.strip().equalsIgnoreCase("npm error"),
            NpmInstall::isNpmProblem);
    ProcessRunner.Result result = toolchain.run(cmd, project, timeout, output, "npm");
    if (!result.succeeded()) {
      String what =
          result.timedOut()
              ? "timed out after " + timeout.toSeconds() + " s"
              : "failed with exit code " + result.exitCode();
      String fix =
          lock
              ? "read npm's output above; if package-lock.json is out of date, run `npm install` in "
                  + project
                  + " and commit the updated lockfile."
              : "read npm's output above and fix package.json, then retry (or run `npm install` in "
                  + project
                  + " yourself).";
      List<String> npmErrors = output.kept();
      String details = npmErrors.isEmpty() ? result.tailText() : errorSummary(npmErrors);
      throw new WorkerBundleException(
          "`npm " + verb + "` " + what + " in " + project + ".", fix, details);
    }
  }

  /**
   * npm records what it installed in node_modules/.package-lock.json; a package-lock.json changed
   * since (a pull, a dependency bump) means node_modules may not match it. Only a warning: an
   * install runs only when node_modules is missing.
   */
  static void warnIfStale(Path project, Reporter log) {
    Path lock = project.resolve("package-lock.json");
    Path installed = project.resolve("node_modules").resolve(".package-lock.json");
    try {
      if (Files.isRegularFile(lock)
          && Files.isRegularFile(installed)
          && Files.getLastModifiedTime(lock).compareTo(Files.getLastModifiedTime(installed)) > 0) {
        log.warn(
            "package-lock.json in "
                + project
                + " is newer than node_modules: if the Worker's "
                + "dependencies changed, run `npm ci` there (or delete node_modules to have the build do it).");
      }
    } catch (IOException e) {
      // only a hint
    }
  }

  /**
   * npm's error lines without the usage text it appends to usage errors; the debug log's path kept.
   */
  static String errorSummary(List<String> errors) {
    List<String> summary = new ArrayList<>();
    String logLine = null;
    boolean usage = false;
    for (String line : errors) {
      String body = line.replaceFirst("(?i)^npm (error|err!)\\s*", "");
      if (body.startsWith("A complete log of this run")) {
        logLine = line;
      } else if (body.equals("Usage:")) {
        usage = true;
      } else if (!usage && summary.size() < 20) {
        summary.add(line);
      }
    }
    if (usage && !summary.isEmpty()) {
      summary.remove(
          summary.size() - 1); // the command's one-line description that precedes "Usage:"
    }
    if (logLine != null) {
      summary.add(logLine);
    }
    return String.join(System.lineSeparator(), summary);
  }

  static boolean isNpmError(String line) {
    String l = line.toLowerCase(Locale.ROOT);
    return l.startsWith("npm error") || l.startsWith("npm err!");
  }

  private static boolean isNpmProblem(String line) {
    String l = line.toLowerCase(Locale.ROOT);
    return l.startsWith("npm error") || l.startsWith("npm err") || l.startsWith("npm warn");
  }
}
