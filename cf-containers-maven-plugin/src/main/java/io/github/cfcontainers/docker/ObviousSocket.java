package io.github.cfcontainers.docker;

import io.github.cfcontainers.common.StreamingJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The engine's Unix socket when the settings docker-java reads leave no doubt about it, found
 * without docker-java (whose settings alone cost a cold JVM Jackson's data binding: it parses the
 * Docker config file with it). docker-java takes {@code DOCKER_HOST} from system properties, else
 * the environment, else {@code ~/.docker-java.properties}; without one it follows the Docker
 * config's {@code currentContext} ({@code DOCKER_CONFIG} or {@code ~/.docker}), else {@code
 * unix:///var/run/docker.sock} (docker-java 3.7 DefaultDockerClientConfig). Any case this does not
 * settle is left to docker-java.
 */
final class ObviousSocket {

  static final Path DEFAULT = Path.of("/var/run/docker.sock");

  private ObviousSocket() {}

  /**
   * @param setting a docker-java setting by name: the system property, else the environment
   *     variable
   */
  static Optional<Path> find(Function<String, String> setting, Path home) {
    String host = setting.apply("DOCKER_HOST");
    if (host != null) {
      if (host.isBlank()) {
        return Optional.empty(); // docker-java's own reading of an empty value decides
      }
      return unixSocket(URI.create(host.trim()));
    }
    if (setting.apply("DOCKER_CONTEXT") != null
        || Files.exists(home.resolve(".docker-java.properties"))) {
      return Optional.empty();
    }
    // docker-java skips empty environment variables: an empty DOCKER_CONFIG means ~/.docker
    String configDir = setting.apply("DOCKER_CONFIG");
    Path config =
        (configDir == null || configDir.isBlank() ? home.resolve(".docker") : Path.of(configDir))
            .resolve("config.json");
    if (Files.exists(config)) {
      try {
        var context = StreamingJson.topLevelString(Files.readString(config), "currentContext");
        if (context.isPresent() && !context.get().equals("default")) {
          return Optional.empty();
        }
      } catch (IOException | RuntimeException e) {
        return Optional.empty(); // docker-java reports a broken config file in its own words
      }
    }
    return Optional.of(DEFAULT);
  }

  /** The socket a {@code unix://} engine address names; empty for any other kind. */
  static Optional<Path> unixSocket(URI host) {
    return "unix".equals(host.getScheme()) && host.getPath() != null
        ? Optional.of(Path.of(host.getPath()))
        : Optional.empty();
  }

  /** The system property, else the environment variable: docker-java's order for these names. */
  static String fromSystem(String name) {
    String property = System.getProperty(name);
    return property != null ? property : System.getenv(name);
  }
}
