package io.github.cfcontainers.worker;

import io.github.cfcontainers.common.Reporter;
import java.util.ArrayList;
import java.util.List;

/** Collects log lines (thread-safe: the bundler streams from reader threads). */
final class RecordingListener implements Reporter {

  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void info(String line) {
    lines.add("INFO " + line);
  }

  @Override
  public synchronized void debug(String line) {
    lines.add("DEBUG " + line);
  }

  @Override
  public synchronized void warn(String line) {
    lines.add("WARN " + line);
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  synchronized String text() {
    return String.join("\n", lines);
  }
}
