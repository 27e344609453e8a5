package io.github.cfcontainers.maven;

import java.util.Map;

/**
 * Every user property of the plugin, in one place. Each is named after the XML element it sets,
 * under the {@code cf.} prefix; a {@code -D} value beats the POM's (see {@link #FIELDS}).
 */
public final class CfProperties {

  public static final String SKIP = "cf.skip";
  public static final String BUILD_SKIP = "cf.build.skip";
  public static final String WORKER_NAME = "cf.workerName";
  public static final String DEV = "cf.dev";
  public static final String DEV_REMOTE = "cf.dev.remote";
  public static final String VERBOSE = "cf.verbose";
  public static final String OUTPUT_DIRECTORY = "cf.outputDirectory";
  public static final String DEPLOY_SKIP = "cf.deploy.skip";
  public static final String ACCOUNT_ID = "cf.accountId";
  public static final String SERVER_ID = "cf.serverId";
  public static final String API_BASE_URL = "cf.apiBaseUrl";
  public static final String REGISTRY = "cf.registry";
  public static final String REGISTRY_CA_FILE = "cf.registry.caFile";
  public static final String WAIT = "cf.wait";
  public static final String WAIT_TIMEOUT = "cf.wait.timeout";
  public static final String CONTAINER = "cf.container";
  public static final String ROLLBACK_SKIP = "cf.rollback.skip";
  public static final String DRY_RUN = "cf.dryRun";
  public static final String DESTROY_SKIP = "cf.destroy.skip";
  public static final String DESTROY_IMAGES = "cf.destroy.images";
  public static final String STATUS_FAIL_ON_DRIFT = "cf.status.failOnDrift";
  public static final String TYPES_FILE = "cf.types.file";
  public static final String TYPES_SKIP = "cf.types.skip";
  public static final String SECRETS_UPLOAD = "cf.secrets.upload";
  public static final String DEV_SKIP = "cf.dev.skip";
  public static final String DEV_PORT = io.github.cfcontainers.dev.DevSettings.PORT_PROPERTY;
  public static final String DEV_READY_TIMEOUT = "cf.dev.readyTimeout";

  /**
   * Each property and the mojo field (= XML element) it sets. Maven reads a parameter's property
   * only when the POM leaves the element out, so {@link CommandLineOverrides} applies these again
   * after injection: {@code -D} wins, as in Jib. A new property needs its line here; the test
   * reading plugin.xml fails until it has one.
   */
  static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry(SKIP, "skip"),
          Map.entry(BUILD_SKIP, "skipBuild"),
          Map.entry(DEPLOY_SKIP, "skipDeploy"),
          Map.entry(WORKER_NAME, "workerName"),
          Map.entry(DEV, "dev"),
          Map.entry(DEV_REMOTE, "devRemote"),
          Map.entry(VERBOSE, "verbose"),
          Map.entry(OUTPUT_DIRECTORY, "outputDirectory"),
          Map.entry(ACCOUNT_ID, "accountId"),
          Map.entry(SERVER_ID, "serverId"),
          Map.entry(API_BASE_URL, "apiBaseUrl"),
          Map.entry(REGISTRY, "registry"),
          Map.entry(WAIT, "waitForRollouts"),
          Map.entry(WAIT_TIMEOUT, "waitTimeout"),
          Map.entry(CONTAINER, "container"),
          Map.entry(ROLLBACK_SKIP, "skipRollback"),
          Map.entry(DRY_RUN, "dryRun"),
          Map.entry(REGISTRY_CA_FILE, "registryCaFile"),
          Map.entry(DESTROY_SKIP, "skipDestroy"),
          Map.entry(DESTROY_IMAGES, "destroyImages"),
          Map.entry(STATUS_FAIL_ON_DRIFT, "failOnDrift"),
          Map.entry(TYPES_FILE, "typesFile"),
          Map.entry(TYPES_SKIP, "skipTypes"),
          Map.entry(SECRETS_UPLOAD, "uploadSecrets"),
          Map.entry(DEV_SKIP, "skipDev"),
          Map.entry(DEV_PORT, "devPort"),
          Map.entry(DEV_READY_TIMEOUT, "devReadyTimeout"));

  /** Environment variables users already have for Cloudflare's own tools. */
  public static final String ENV_API_TOKEN = "CLOUDFLARE_API_TOKEN";

  public static final String ENV_ACCOUNT_ID = "CLOUDFLARE_ACCOUNT_ID";
  public static final String ENV_REGISTRY = "CLOUDFLARE_CONTAINER_REGISTRY";
  public static final String ENV_REGISTRY_CA = "CLOUDFLARE_CONTAINER_REGISTRY_CA";

  private CfProperties() {}
}
