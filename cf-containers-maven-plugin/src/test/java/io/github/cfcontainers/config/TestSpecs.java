package io.github.cfcontainers.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The build settings the build and config tests start from. */
public final class TestSpecs {

  private TestSpecs() {}

  /**
   * A build of {@code context}/Dockerfile for that platform: no target, arguments or labels, the
   * cache used, pulling only if asked.
   */
  public static BuildSpec dockerfileBuild(Path context, String platform, boolean pull) {
    return new BuildSpec(
        context,
        context.resolve("Dockerfile"),
        Optional.empty(),
        Map.of(),
        platform,
        Map.of(),
        false,
        pull);
  }
}
