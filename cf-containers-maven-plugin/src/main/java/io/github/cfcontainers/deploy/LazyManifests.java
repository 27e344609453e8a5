package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A registry adapter made at its first question: an unchanged deploy asks none, and making one sets
 * up TLS (the JDK's trust store), which costs a cold JVM about a quarter of a second.
 */
public final class LazyManifests implements ManifestLookup {

  private final Supplier<? extends ManifestLookup> make;
  private ManifestLookup lookup;

  public LazyManifests(Supplier<? extends ManifestLookup> make) {
    this.make = make;
  }

  private synchronized ManifestLookup lookup() {
    if (lookup == null) {
      lookup = make.get();
    }
    return lookup;
  }

  @Override
  public Optional<String> digest(
      String registry, String repositoryPath, String reference, RegistryAuth auth) {
    return lookup().digest(registry, repositoryPath, reference, auth);
  }

  @Override
  public Optional<Set<String>> platforms(
      String registry, String repositoryPath, String reference, RegistryAuth auth) {
    return lookup().platforms(registry, repositoryPath, reference, auth);
  }
}
