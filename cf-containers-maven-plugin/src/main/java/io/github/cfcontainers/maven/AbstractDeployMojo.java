package io.github.cfcontainers.maven;

import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.deploy.ApiAccess;
import io.github.cfcontainers.deploy.DeployCommand;
import io.github.cfcontainers.deploy.DeployRequest;
import io.github.cfcontainers.deploy.DeploymentReport;
import io.github.cfcontainers.deploy.LazyEngine;
import io.github.cfcontainers.deploy.LazyManifests;
import io.github.cfcontainers.deploy.ManifestLookup;
import io.github.cfcontainers.deploy.RolloutWatcher;
import io.github.cfcontainers.deploy.WorkerSecret;
import io.github.cfcontainers.registry.RegistryManifests;
import io.github.cfcontainers.registry.RegistryTls;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** What cf:deploy and cf:plan share: credentials, the API client, and the same checks and reads. */
abstract class AbstractDeployMojo extends AbstractCfMojo {

  static final String DEFAULT_REGISTRY = CloudflareApi.DEFAULT_REGISTRY_HOST;

  AbstractDeployMojo(String goal, String goalSkipProperty) {
    super(goal, goalSkipProperty);
  }

  /**
   * The Cloudflare account id (32 hex); else CLOUDFLARE_ACCOUNT_ID, else the settings.xml server's
   * username.
   */
  @Parameter(property = PropertyNames.ACCOUNT_ID)
  protected String accountId;

  /**
   * The API token. Prefer CLOUDFLARE_API_TOKEN or an encrypted settings.xml server password: a
   * token in the POM ends up in version control.
   */
  @Parameter protected String apiToken;

  /** The settings.xml server holding the account id (username) and token (password). */
  @Parameter(property = PropertyNames.SERVER_ID, defaultValue = "cloudflare")
  protected String serverId;

  /** API base URL; else CLOUDFLARE_API_BASE_URL, else https://api.cloudflare.com/client/v4. */
  @Parameter(property = PropertyNames.API_BASE_URL)
  protected String apiBaseUrl;

  /** The container registry; else CLOUDFLARE_CONTAINER_REGISTRY, else registry.cloudflare.com. */
  @Parameter(property = PropertyNames.REGISTRY)
  protected String registry;

  /**
   * PEM file of a private CA that signed the registry's certificate, trusted in addition to the
   * JDK's for the manifest check; else CLOUDFLARE_CONTAINER_REGISTRY_CA. (The push itself is the
   * Docker daemon's: it trusts /etc/docker/certs.d.)
   */
  @Parameter(property = PropertyNames.REGISTRY_CA_FILE)
  protected File registryCaFile;

  /**
   * Upload the Worker with its {@code <secrets>} even when nothing else changed: their values
   * cannot be read back, so a changed value alone is not seen.
   */
  @Parameter(property = PropertyNames.SECRETS_UPLOAD, defaultValue = "false")
  protected boolean uploadSecrets;

  /**
   * How long {@code -Dcf.wait} follows a rollout, and then waits for the instances to report its
   * target, before it fails the build (the rollout goes on remotely): whole seconds ({@code 600})
   * or {@code 90s}, {@code 10m}, {@code 1h}.
   */
  @Parameter(property = PropertyNames.WAIT_TIMEOUT, defaultValue = "30m")
  protected String waitTimeout;

  @Component protected SettingsDecrypter settingsDecrypter;

  /** The environment, read in one place (CLOUDFLARE_* variables). */
  Function<String, String> environment = System::getenv;

  /** Plans (apply=false) or performs the deployment, and writes deployment.json. */
  protected DeploymentReport deploy(Reporter reporter, boolean apply, boolean waitForRollouts) {
    requireOnline();
    var timeout = waitTimeout(); // a bad -Dcf.wait.timeout fails before anything remote changes
    var request =
        new DeployRequest(
            goal(),
            project.getBasedir().toPath(),
            workerName,
            configuredContainers(),
            worker,
            this::secrets,
            uploadSecrets,
            () -> {
              var credentials = credentials(reporter);
              return new DeployRequest.Credentials(credentials.accountId(), credentials.token());
            },
            apiBaseUrl,
            environment,
            registryHost(),
            outputDirectory.toPath(),
            apply,
            waitForRollouts,
            timeout);
    try (var engine = new LazyEngine(this::connectEngine)) {
      return DeployCommand.run(request, engine, this::registry, reporter);
    } catch (IOException e) {
      throw new CfException("Closing the Docker client failed: " + e.getMessage(), e);
    }
  }

  /**
   * The registry adapter, made at its first use; a private CA file is read now all the same, so
   * that a bad one fails before anything remote changes.
   */
  private ManifestLookup registry() {
    var tls = new RegistryTls(registryCaFile(), Set.of());
    if (tls.caFile() != null) {
      tls.verifying();
    }
    return new LazyManifests(() -> new RegistryManifests(tls));
  }

  /** Called only when the deploy needs the engine (an image to check or push). */
  private ContainerEngine connectEngine() {
    return SharedDockerEngine.lease(session);
  }

  private List<WorkerSecret> secrets() {
    return new SecretsResolver(
            environment, new SettingsServers(session.getSettings(), settingsDecrypter))
        .resolve(worker == null ? null : worker.secrets);
  }

  private void requireOnline() {
    if (session.isOffline()) {
      throw new CfException(
          goal() + " talks to the Cloudflare API, but Maven is offline (-o): run it without -o.");
    }
  }

  /** The account id and token, and where each came from (debug). */
  private Credentials credentials(Reporter reporter) {
    var credentials =
        new CredentialsResolver(environment, session.getSettings(), settingsDecrypter)
            .resolve(accountId, apiToken, serverId);
    reporter.debug(
        "Cloudflare account id from "
            + credentials.accountSource()
            + "; API token from "
            + credentials.tokenSource());
    return credentials;
  }

  /** The -Dcf.wait follower with -Dcf.wait.timeout, checked before anything remote changes. */
  protected RolloutWatcher watcher(CloudflareApi api, Reporter reporter) {
    return new RolloutWatcher(api, reporter, Duration.ofSeconds(2), waitTimeout());
  }

  protected Duration waitTimeout() {
    return RolloutWatcher.parseTimeout(
        waitTimeout == null ? "30m" : waitTimeout,
        Setting.of("waitTimeout").withProperty(PropertyNames.WAIT_TIMEOUT));
  }

  /**
   * {@code <registryCaFile>}, else CLOUDFLARE_CONTAINER_REGISTRY_CA: for every goal that talks to
   * the registry.
   */
  Path registryCaFile() {
    if (registryCaFile != null) {
      return registryCaFile.toPath();
    }
    String env = environment.apply(CfProperties.ENV_REGISTRY_CA);
    return env == null || env.isBlank() ? null : Path.of(env.trim());
  }

  String registryHost() {
    if (registry != null && !registry.isBlank()) {
      return registry.trim();
    }
    String env = environment.apply(CfProperties.ENV_REGISTRY);
    return env == null || env.isBlank() ? DEFAULT_REGISTRY : env.trim();
  }

  /**
   * The API client with credentials resolved exactly as for cf:deploy; for the goals that only read
   * or delete.
   */
  protected CloudflareApi openApi(Reporter reporter) {
    requireOnline();
    var credentials = credentials(reporter);
    return ApiAccess.open(
        credentials.accountId(), credentials.token(), apiBaseUrl, environment, reporter);
  }
}
