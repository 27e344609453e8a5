package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.ApiToken;
import io.github.cfcontainers.config.ContainerConfig;
import io.github.cfcontainers.config.WorkerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A cf:deploy or cf:plan as the build tool asks for it: the settings as written, plus the two
 * lookups in the build tool's own settings (secret values, credentials), made when the deploy
 * reaches them so a bad container setting is still reported first.
 *
 * @param goal the goal's name for messages, e.g. {@code cf:deploy}
 * @param worker {@code <worker>} as written, or null
 * @param secrets the Worker's secrets with their values, looked up when the deploy reaches them
 * @param uploadSecrets upload the secrets even when nothing else changed
 * @param apiBaseUrl the configured API base URL, or null for the environment's or the default
 * @param outputDirectory where build.json is read and deployment.json written
 * @param apply false for a plan: nothing changes remotely
 */
public record DeployRequest(
    String goal,
    Path baseDirectory,
    String workerName,
    List<? extends ContainerConfig> containers,
    WorkerConfig worker,
    Supplier<List<WorkerSecret>> secrets,
    boolean uploadSecrets,
    Supplier<Credentials> credentials,
    String apiBaseUrl,
    Function<String, String> environment,
    String registryHost,
    Path outputDirectory,
    boolean apply,
    boolean waitForRollouts,
    Duration waitTimeout) {

  public DeployRequest {
    containers = List.copyOf(containers);
  }

  /** The account and its API token. */
  public record Credentials(String accountId, ApiToken token) {}
}
