package io.github.cfcontainers.cloudflare.model;

/**
 * {@code GET /accounts/{a}/workers/services/{name}}: the current migration tag is {@code
 * default_environment.script.migration_tag} ({@link #migrationTag()}).
 */
public record WorkerService(
    String id, DefaultEnvironment defaultEnvironment, String createdOn, String modifiedOn) {

  /** {@code default_environment}. */
  public record DefaultEnvironment(
      String environment, Script script, String createdOn, String modifiedOn) {}

  /** {@code default_environment.script}. */
  public record Script(
      String id, String etag, String migrationTag, String createdOn, String modifiedOn) {}

  /** The deployed script's migration tag, or null when it has none (or the answer lacks it). */
  public String migrationTag() {
    return defaultEnvironment == null || defaultEnvironment.script() == null
        ? null
        : defaultEnvironment.script().migrationTag();
  }
}
