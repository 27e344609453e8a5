package io.github.cfcontainers.dev;

import java.nio.file.Path;
import java.util.Map;

/**
 * Builds what the runtime serves (the bundle, the {@code cloudflare-dev/} images); the Maven layer
 * supplies it.
 */
@FunctionalInterface
public interface DevBuild {

  Result build();

  /**
   * @param bundle the bundled main module
   * @param imagesByClass the local image of each container class
   */
  record Result(Path bundle, Map<String, String> imagesByClass) {
    public Result {
      imagesByClass = Map.copyOf(imagesByClass);
    }
  }
}
