package io.github.cfcontainers.worker;

import io.github.cfcontainers.common.Reporter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What npm or esbuild prints, as the build shows it: each line logged with the tool's name, a
 * stderr line it counts as a problem as a warning; the lines worth quoting kept for the failure
 * message. Called from the runner's two reader threads.
 */
final class ToolOutput implements ProcessRunner.LineSink {

  private final String prefix;
  private final Reporter log;
  private final Predicate<String> kept;
  private final Predicate<String> problem;
  private final List<String> lines = new ArrayList<>();

  ToolOutput(String tool, Reporter log, Predicate<String> kept, Predicate<String> problem) {
    this.prefix = "[" + tool + "] ";
    this.log = log;
    this.kept = kept;
    this.problem = problem;
  }

  @Override
  public void line(ProcessRunner.Stream stream, String line) {
    if (kept.test(line)) {
      synchronized (lines) {
        lines.add(line);
      }
    }
    if (stream == ProcessRunner.Stream.STDERR && problem.test(line)) {
      log.warn(prefix + line);
    } else {
      log.info(prefix + line);
    }
  }

  /** The kept lines so far, in arrival order. */
  List<String> kept() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }
}
