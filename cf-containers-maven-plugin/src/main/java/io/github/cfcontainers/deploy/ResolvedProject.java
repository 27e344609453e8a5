package io.github.cfcontainers.deploy;

import io.github.cfcontainers.config.ContainerConfig;
import io.github.cfcontainers.config.ContainerResolver;
import io.github.cfcontainers.config.ContainerSpec;
import io.github.cfcontainers.config.WorkerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The POM resolved exactly as {@code cf:deploy} resolves it: every goal that reads the deployment
 * settings (deploy, plan, status, rollback, dev, types) starts here, so they agree on defaults and
 * refuse the same mistakes before anything remote happens.
 */
public record ResolvedProject(
    List<ContainerSpec> specs, WorkerSpec worker, List<ApplicationSpec> containers) {

  public ResolvedProject {
    specs = List.copyOf(specs);
    containers = List.copyOf(containers);
  }

  /**
   * @param worker {@code <worker>} as written, or null
   * @param secrets the declared secrets: with values for deploy, by name for the goals that only
   *     read
   */
  public static ResolvedProject resolve(
      Path baseDirectory,
      String workerName,
      List<? extends ContainerConfig> containers,
      WorkerConfig worker,
      List<WorkerSecret> secrets,
      boolean uploadSecrets,
      Clock clock) {
    return resolve(
        baseDirectory, workerName, containers, worker, () -> secrets, uploadSecrets, clock);
  }

  /**
   * With the secrets looked up only once the containers' settings are valid, so a setting to fix is
   * reported before a missing secret value.
   */
  public static ResolvedProject resolve(
      Path baseDirectory,
      String workerName,
      List<? extends ContainerConfig> containers,
      WorkerConfig worker,
      Supplier<List<WorkerSecret>> secrets,
      boolean uploadSecrets,
      Clock clock) {
    var specs = new ContainerResolver(baseDirectory).resolve(workerName, containers);
    var resolver = new DeploymentResolver(clock);
    var workerDeployment = resolver.worker(workerName, worker, secrets.get(), uploadSecrets);
    var deployments = resolver.containers(specs, containers, workerDeployment.bindingNames());
    return new ResolvedProject(specs, workerDeployment, deployments);
  }
}
