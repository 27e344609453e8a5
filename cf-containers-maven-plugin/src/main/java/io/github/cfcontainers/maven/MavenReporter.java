package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.Reporter;
import org.apache.maven.plugin.logging.Log;

/** The core's output on Maven's log. */
final class MavenReporter implements Reporter {

  private final Log log;

  MavenReporter(Log log) {
    this.log = log;
  }

  @Override
  public void info(String line) {
    log.info(line);
  }

  @Override
  public void warn(String line) {
    log.warn(line);
  }

  @Override
  public void debug(String line) {
    log.debug(line);
  }

  @Override
  public boolean isDebugEnabled() {
    return log.isDebugEnabled();
  }
}
