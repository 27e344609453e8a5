package io.github.cfcontainers.core.deploy;

import io.github.cfcontainers.core.ContainerEngine.RegistryAuth;
import java.util.Optional;

/** Asks a registry for a manifest's digest; the registry adapter implements it. */
public interface ManifestLookup {

  Optional<String> digest(String registry, String repositoryPath, String reference, RegistryAuth auth);
}
