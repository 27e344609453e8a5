package io.github.cfcontainers.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyManifestsTest {

  private final AtomicInteger made = new AtomicInteger();

  private final LazyManifests lazy =
      new LazyManifests(
          () -> {
            made.incrementAndGet();
            return new ManifestLookup() {
              @Override
              public Optional<String> digest(
                  String registry, String repositoryPath, String reference, RegistryAuth auth) {
                return Optional.of("sha256:" + registry + "/" + repositoryPath + ":" + reference);
              }

              @Override
              public Optional<Set<String>> platforms(
                  String registry, String repositoryPath, String reference, RegistryAuth auth) {
                return Optional.of(Set.of("linux/amd64"));
              }
            };
          });

  @Test
  void makesTheAdapterAtTheFirstQuestionOnlyAndOnce() {
    assertThat(made).hasValue(0);

    assertThat(lazy.digest("r.example", "a/b", "t", null)).contains("sha256:r.example/a/b:t");
    assertThat(lazy.platforms("r.example", "a/b", "t", null)).contains(Set.of("linux/amd64"));

    assertThat(made).hasValue(1);
  }
}
