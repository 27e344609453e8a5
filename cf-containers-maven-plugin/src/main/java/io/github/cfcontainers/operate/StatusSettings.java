package io.github.cfcontainers.operate;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.deploy.ApplicationSpec;
import io.github.cfcontainers.deploy.WorkerSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * What to report on: the Worker and its containers as the POM configures them.
 *
 * @param build what cf:build produced, or null when build.json is missing (then image and Worker
 *     drift are unknown)
 * @param workerBundleDirectory where cf:build wrote the Worker bundle (compared with the deployed
 *     Worker)
 */
public record StatusSettings(
    String accountId,
    String registryHost,
    WorkerSpec worker,
    List<ApplicationSpec> containers,
    BuildReport build,
    Path workerBundleDirectory) {

  public String workerName() {
    return worker.name();
  }

  public StatusSettings {
    containers = List.copyOf(containers);
  }
}
