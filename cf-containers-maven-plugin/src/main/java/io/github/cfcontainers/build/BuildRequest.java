package io.github.cfcontainers.build;

import io.github.cfcontainers.config.ContainerConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code cf:build} was asked for, as written in the POM and on the command line.
 *
 * @param workerConfigured whether the POM has a {@code <worker>} element
 * @param workerDirectory {@code <worker><directory>}, or null for the default
 * @param workerEntryPoint {@code <worker><entryPoint>}, or null for the default
 * @param offline Maven runs offline (-o): npm and pulls must not reach the network
 */
public record BuildRequest(
    Path baseDirectory,
    String workerName,
    List<? extends ContainerConfig> containers,
    boolean workerConfigured,
    String workerDirectory,
    String workerEntryPoint,
    boolean dev,
    boolean verbose,
    boolean offline,
    Path outputDirectory) {

  public BuildRequest {
    containers = List.copyOf(containers);
  }
}
