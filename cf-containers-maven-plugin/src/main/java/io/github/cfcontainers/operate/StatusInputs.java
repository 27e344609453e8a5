package io.github.cfcontainers.operate;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.build.BuildReportFile;
import io.github.cfcontainers.config.ContainerConfig;
import io.github.cfcontainers.config.WorkerConfig;
import io.github.cfcontainers.deploy.ApplicationSpec;
import io.github.cfcontainers.deploy.ResolvedProject;
import io.github.cfcontainers.deploy.WorkerSecret;
import io.github.cfcontainers.deploy.WorkerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The POM's side of cf:status, resolved exactly as cf:deploy resolves it (so drift is the deploy's
 * own diff), before any credentials or remote call: a setting to fix is reported first.
 *
 * @param build what cf:build produced, or null without build.json (image and Worker drift are then
 *     unknown)
 */
public record StatusInputs(
    WorkerSpec worker, List<ApplicationSpec> containers, BuildReport build, Path outputDirectory) {

  public StatusInputs {
    containers = List.copyOf(containers);
  }

  public static StatusInputs resolve(
      Path baseDirectory,
      String workerName,
      List<? extends ContainerConfig> containers,
      WorkerConfig workerConfig,
      List<WorkerSecret> secrets,
      Path outputDirectory,
      Clock clock) {
    var resolved =
        ResolvedProject.resolve(
            baseDirectory, workerName, containers, workerConfig, secrets, false, clock);
    var build =
        Files.isRegularFile(outputDirectory.resolve(BuildReportFile.FILE_NAME))
            ? BuildReportFile.read(outputDirectory)
            : null;
    return new StatusInputs(resolved.worker(), resolved.containers(), build, outputDirectory);
  }

  /** With the account and registry the API client was opened for. */
  public StatusSettings settings(String accountId, String registryHost) {
    return new StatusSettings(
        accountId, registryHost, worker, containers, build, outputDirectory.resolve("worker"));
  }
}
