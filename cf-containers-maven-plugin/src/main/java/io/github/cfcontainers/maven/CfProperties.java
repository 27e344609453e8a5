package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.PropertyNames;
import java.util.Map;

/**
 * Every user property of the plugin, in one place. Each is named after the XML element it sets,
 * under the {@code cf.} prefix; a {@code -D} value beats the POM's (see {@link #FIELDS}).
 */
public final class CfProperties {

  /**
   * Each property and the mojo field (= XML element) it sets. Maven reads a parameter's property
   * only when the POM leaves the element out, so {@link CommandLineOverrides} applies these again
   * after injection: {@code -D} wins, as in Jib. A new property needs its line here; the test
   * reading plugin.xml fails until it has one.
   */
  static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry(PropertyNames.SKIP, "skip"),
          Map.entry(PropertyNames.BUILD_SKIP, "skipBuild"),
          Map.entry(PropertyNames.DEPLOY_SKIP, "skipDeploy"),
          Map.entry(PropertyNames.WORKER_NAME, "workerName"),
          Map.entry(PropertyNames.DEV, "dev"),
          Map.entry(PropertyNames.DEV_REMOTE, "devRemote"),
          Map.entry(PropertyNames.VERBOSE, "verbose"),
          Map.entry(PropertyNames.OUTPUT_DIRECTORY, "outputDirectory"),
          Map.entry(PropertyNames.ACCOUNT_ID, "accountId"),
          Map.entry(PropertyNames.SERVER_ID, "serverId"),
          Map.entry(PropertyNames.API_BASE_URL, "apiBaseUrl"),
          Map.entry(PropertyNames.REGISTRY, "registry"),
          Map.entry(PropertyNames.WAIT, "waitForRollouts"),
          Map.entry(PropertyNames.WAIT_TIMEOUT, "waitTimeout"),
          Map.entry(PropertyNames.CONTAINER, "container"),
          Map.entry(PropertyNames.ROLLBACK_SKIP, "skipRollback"),
          Map.entry(PropertyNames.DRY_RUN, "dryRun"),
          Map.entry(PropertyNames.REGISTRY_CA_FILE, "registryCaFile"),
          Map.entry(PropertyNames.DESTROY_SKIP, "skipDestroy"),
          Map.entry(PropertyNames.DESTROY_IMAGES, "destroyImages"),
          Map.entry(PropertyNames.STATUS_FAIL_ON_DRIFT, "failOnDrift"),
          Map.entry(PropertyNames.TYPES_FILE, "typesFile"),
          Map.entry(PropertyNames.TYPES_SKIP, "skipTypes"),
          Map.entry(PropertyNames.SECRETS_UPLOAD, "uploadSecrets"),
          Map.entry(PropertyNames.DEV_SKIP, "skipDev"),
          Map.entry(PropertyNames.DEV_PORT, "devPort"),
          Map.entry(PropertyNames.DEV_READY_TIMEOUT, "devReadyTimeout"));

  /** Environment variables users already have for Cloudflare's own tools. */
  public static final String ENV_API_TOKEN = "CLOUDFLARE_API_TOKEN";

  public static final String ENV_ACCOUNT_ID = "CLOUDFLARE_ACCOUNT_ID";
  public static final String ENV_REGISTRY = "CLOUDFLARE_CONTAINER_REGISTRY";
  public static final String ENV_REGISTRY_CA = "CLOUDFLARE_CONTAINER_REGISTRY_CA";

  private CfProperties() {}
}
