package io.github.cfcontainers.config;

import java.util.List;
import java.util.Map;

/**
 * {@code <worker>} as written, for the settings the deployment reads; every answer may be null.
 * Secrets are not here: their values are looked up by the Maven layer (environment, settings.xml).
 */
public interface WorkerConfig {

  String compatibilityDate();

  List<String> compatibilityFlags();

  Map<String, String> vars();

  Boolean observability();

  Boolean workersDev();
}
