package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.common.CfException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a deploy needs, validated.
 *
 * @param registryHost where images go ({@code registry.cloudflare.com}, or a loopback registry in
 *     tests)
 * @param build what {@code cf:build} produced (images and the Worker bundle summary)
 * @param workerBundleDirectory where {@code cf:build} wrote {@code worker.js} and its source map
 * @param waitForRollouts follow each rollout until it finishes
 */
public record DeploySettings(
    String accountId,
    String registryHost,
    WorkerSpec worker,
    List<ApplicationSpec> containers,
    BuildReport build,
    Path workerBundleDirectory,
    boolean waitForRollouts,
    Path outputDirectory) {

  public DeploySettings {
    containers = List.copyOf(containers);
  }

  public BuildReport.Image image(ApplicationSpec container) {
    return build.containers().stream()
        .filter(image -> image.name().equals(container.spec().name()))
        .findFirst()
        .orElseThrow(
            () ->
                new CfException(
                    "build.json has no image for "
                        + container.spec().label()
                        + ": run 'mvn package' (or cf:build) after changing the containers."));
  }
}
