package io.github.cfcontainers.worker;

/**
 * Receives the log lines of a Worker bundling run: progress messages and the output of
 * {@code npm} and {@code esbuild}, streamed line by line as the tools print it.
 */
public interface WorkerBundleListener {

    /** A listener that drops every line. */
    WorkerBundleListener NONE = new WorkerBundleListener() {
        @Override
        public void info(String line) {
        }

        @Override
        public void debug(String line) {
        }

        @Override
        public void warn(String line) {
        }
    };

    void info(String line);

    void debug(String line);

    void warn(String line);
}
