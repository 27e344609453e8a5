package io.github.cfcontainers.core.operate;

import io.github.cfcontainers.core.BuildReport;
import io.github.cfcontainers.core.deploy.ContainerDeployment;
import java.util.List;

/**
 * What to report on: the Worker and its containers as the POM configures them.
 *
 * @param build what cf:build produced, or null when build.json is missing (then image drift is unknown)
 */
public record StatusSettings(String workerName, String accountId, String registryHost,
    List<ContainerDeployment> containers, BuildReport build) {

  public StatusSettings {
    containers = List.copyOf(containers);
  }
}
