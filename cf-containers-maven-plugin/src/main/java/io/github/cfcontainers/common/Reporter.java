package io.github.cfcontainers.common;

/** Where the core writes what the user sees; the Maven layer forwards to its log. */
public interface Reporter {

  void info(String line);

  void warn(String line);

  void debug(String line);

  boolean isDebugEnabled();

  /** Swallows everything; for tests and callers that only want the result. */
  Reporter SILENT =
      new Reporter() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}

        @Override
        public void debug(String line) {}

        @Override
        public boolean isDebugEnabled() {
          return false;
        }
      };
}
