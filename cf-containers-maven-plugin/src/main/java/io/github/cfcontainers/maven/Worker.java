package io.github.cfcontainers.maven;

import io.github.cfcontainers.config.WorkerConfig;
import java.util.List;
import java.util.Map;

/** {@code <worker>}: the Worker that routes requests to the containers. */
public class Worker implements WorkerConfig {

  /** The Worker's npm project, relative to the project directory; default {@code worker}. */
  String directory;

  /** Entry module, relative to {@code <directory>}; default {@code src/worker.ts}. */
  String entryPoint;

  /** {@code YYYY-MM-DD}. */
  String compatibilityDate;

  List<String> compatibilityFlags;

  /** Plain-text variables, as {@code <NAME>value</NAME>}. */
  Map<String, String> vars;

  /** Secrets: values from the environment or settings.xml, uploaded as secret_text bindings. */
  List<Secret> secrets;

  Boolean observability;

  /** Serve the Worker on workers.dev; default true. */
  Boolean workersDev;

  // The raw view the resolvers read: the fields as Maven injected them.

  @Override
  public String compatibilityDate() {
    return compatibilityDate;
  }

  @Override
  public List<String> compatibilityFlags() {
    return compatibilityFlags;
  }

  @Override
  public Map<String, String> vars() {
    return vars;
  }

  @Override
  public Boolean observability() {
    return observability;
  }

  @Override
  public Boolean workersDev() {
    return workersDev;
  }
}
