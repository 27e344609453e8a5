package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import java.util.Optional;
import java.util.Set;

/** Asks a registry for a manifest's digest (and platforms); the registry adapter implements it. */
public interface ManifestLookup {

  Optional<String> digest(
      String registry, String repositoryPath, String reference, RegistryAuth auth);

  /**
   * The {@code os/architecture} platforms the image offers; empty when the registry does not say.
   */
  default Optional<Set<String>> platforms(
      String registry, String repositoryPath, String reference, RegistryAuth auth) {
    return Optional.empty();
  }
}
