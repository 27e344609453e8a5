package io.github.cfcontainers.build;

import io.github.cfcontainers.config.ContainerConfig;
import java.nio.file.Path;
import java.util.List;

/** The requests of the BuildService tests: one container of "my-worker", online and quiet. */
final class BuildRequests {

  private BuildRequests() {}

  static BuildRequest of(Path base, ContainerConfig container, boolean dev, Path outputDirectory) {
    return new BuildRequest(
        base,
        "my-worker",
        List.of(container),
        false,
        null,
        null,
        dev,
        false,
        false,
        outputDirectory);
  }
}
