package io.github.cfcontainers.build;

import io.github.cfcontainers.config.BuildSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The local container engine, as the core needs it; the Docker adapter implements it. */
public interface ContainerEngine {

  /**
   * Checks that an engine answers.
   *
   * @return a short description for the log, e.g. "Docker 20.10.24 (API 1.41) at
   *     unix:///var/run/docker.sock"
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

  /** The id of a local image, for checks that need nothing else; adapters may answer it cheaper. */
  default Optional<String> imageId(String reference) {
    return inspect(reference).map(LocalImage::id);
  }

  /**
   * Pushes {@code repository:tag} (already tagged locally) with per-call credentials, writing
   * nothing under {@code ~/.docker}; reports one line per layer status change.
   *
   * @return the pushed manifest digest ({@code sha256:...})
   */
  String push(String repository, String tag, RegistryAuth auth, Consumer<String> progress);

  /**
   * An image in the local engine. {@code repoDigests} are {@code repository@sha256:...} it was
   * pushed as.
   */
  record LocalImage(
      String id, long size, String os, String architecture, List<String> repoDigests) {
    public LocalImage(String id, long size, String os, String architecture) {
      this(id, size, os, architecture, List.of());
    }

    public String platform() {
      return os + "/" + architecture;
    }
  }

  /**
   * Registry credentials for one push, the engine's view (mapped from the API's
   * RegistryCredentials); the password never shows in {@code toString}.
   */
  record RegistryAuth(String registry, String username, String password) {
    @Override
    public String toString() {
      return "RegistryAuth[" + registry + ", " + username + ", password=****]";
    }
  }
}
