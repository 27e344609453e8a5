package io.github.cfcontainers.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Reporter} that keeps the lines a service reports, for assertions on its log. Each kind
 * of line is kept with a prefix, or dropped when its prefix is null.
 */
public final class RecordingReporter implements Reporter {

  /** The kept lines, in order (thread-safe: some services report from parallel reads). */
  public final List<String> lines = new CopyOnWriteArrayList<>();

  private final String info;
  private final String warn;
  private final String debug;

  private RecordingReporter(String info, String warn, String debug) {
    this.info = info;
    this.warn = warn;
    this.debug = debug;
  }

  /** Info and warnings as they are; no debug. */
  public static RecordingReporter infoAndWarnings() {
    return new RecordingReporter("", "", null);
  }

  /** Info as it is, warnings marked {@code WARN }; no debug. */
  public static RecordingReporter markingWarnings() {
    return new RecordingReporter("", "WARN ", null);
  }

  /** Warnings only. */
  public static RecordingReporter warningsOnly() {
    return new RecordingReporter(null, "", null);
  }

  /** Everything, marked {@code INFO }, {@code WARN }, {@code DEBUG }; debug enabled. */
  public static RecordingReporter everythingMarked() {
    return new RecordingReporter("INFO ", "WARN ", "DEBUG ");
  }

  /** Info and warnings as they are, debug marked {@code DEBUG }; debug enabled. */
  public static RecordingReporter withDebug() {
    return new RecordingReporter("", "", "DEBUG ");
  }

  @Override
  public void info(String line) {
    keep(info, line);
  }

  @Override
  public void warn(String line) {
    keep(warn, line);
  }

  @Override
  public void debug(String line) {
    keep(debug, line);
  }

  @Override
  public boolean isDebugEnabled() {
    return debug != null;
  }

  private void keep(String prefix, String line) {
    if (prefix != null) {
      lines.add(prefix + line);
    }
  }
}
