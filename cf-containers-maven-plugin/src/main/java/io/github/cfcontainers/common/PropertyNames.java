package io.github.cfcontainers.common;

/**
 * Every user property ({@code -D}) of the plugin, in one place: the mojos declare their parameters
 * with these, and the services name them in the messages that say how to fix a setting. Each is
 * named after the XML element it sets, under the {@code cf.} prefix.
 */
public final class PropertyNames {

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
  public static final String DEV_PORT = "cf.dev.port";
  public static final String DEV_READY_TIMEOUT = "cf.dev.readyTimeout";

  private PropertyNames() {}
}
