package io.github.cfcontainers.dev;

import io.github.cfcontainers.deploy.WorkerSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code cf:dev} serves, validated by the same resolvers as a deploy.
 *
 * @param workerProject the Worker's npm project (its node_modules holds the runtime)
 * @param bundle the bundled main module ({@code worker.js})
 * @param worker compatibility date and flags, vars
 * @param port the local port on 127.0.0.1
 * @param dockerHost the engine's address as the runtime needs it, e.g. {@code
 *     unix:///var/run/docker.sock}
 * @param runDirectory where the options file and launcher are written
 */
public record DevSettings(
    Path workerProject,
    Path bundle,
    WorkerSpec worker,
    List<DevContainer> containers,
    int port,
    String dockerHost,
    Path runDirectory) {

  public static final int DEFAULT_PORT = 8787;

  public DevSettings {
    containers = List.copyOf(containers);
  }
}
