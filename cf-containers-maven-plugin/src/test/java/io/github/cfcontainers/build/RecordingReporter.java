package io.github.cfcontainers.build;

import io.github.cfcontainers.common.Reporter;
import java.util.ArrayList;
import java.util.List;

/** Keeps every line the service reports, debug lines prefixed, for assertions on the log. */
final class RecordingReporter implements Reporter {
  final List<String> lines = new ArrayList<>();

  @Override
  public void info(String line) {
    lines.add(line);
  }

  @Override
  public void warn(String line) {
    lines.add(line);
  }

  @Override
  public void debug(String line) {
    lines.add("DEBUG " + line);
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }
}
