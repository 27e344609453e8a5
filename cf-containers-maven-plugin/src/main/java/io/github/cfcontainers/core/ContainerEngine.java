package io.github.cfcontainers.core;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The local container engine, as the core needs it; the Docker adapter implements it. */
public interface ContainerEngine {

  /**
   * Checks that an engine answers.
   *
   * @return a short description for the log, e.g. "Docker 20.10.24 (API 1.41) at unix:///var/run/docker.sock"
   * @throws EngineUnavailableException when none answers
   */
  String ping();

  /**
   * Builds an image and streams the engine's output line by line.
   *
   * @return the full image id ({@code sha256:...})
   * @throws ImageBuildFailedException when a step fails
   */
  String build(BuildSpec spec, Map<String, String> extraLabels, Consumer<String> output);

  void tag(String imageId, String repository, String tag);

  Optional<LocalImage> inspect(String reference);

  /** An image in the local engine. */
  record LocalImage(String id, long size, String os, String architecture) {
    public String platform() {
      return os + "/" + architecture;
    }
  }
}
