package io.github.cfcontainers.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A validated Docker build: absolute paths, known platform, immutable maps. */
public record BuildSpec(
    Path context,
    Path dockerfile,
    Optional<String> target,
    Map<String, String> args,
    String platform,
    Map<String, String> labels,
    boolean noCache,
    boolean pull)
    implements ImageSource {

  public BuildSpec {
    args = Map.copyOf(args);
    labels = Map.copyOf(labels);
  }
}
