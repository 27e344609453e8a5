package io.github.cfcontainers.build;

import io.github.cfcontainers.config.ContainerSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code cf:build} needs, validated.
 *
 * @param dev tag images {@code cloudflare-dev/<name>:<tag>} for the local Workers runtime
 * @param verbose show the engine's whole build output
 * @param offline the user asked Maven to stay offline: pull nothing
 * @param outputDirectory where build.json and the build transcripts go
 * @param workerBundle the Worker bundled before the images, or null when the project has none
 */
public record BuildSettings(
    String workerName,
    List<ContainerSpec> containers,
    boolean dev,
    boolean verbose,
    boolean offline,
    Path outputDirectory,
    BuildReport.WorkerBundleSummary workerBundle) {

  public BuildSettings {
    containers = List.copyOf(containers);
  }
}
