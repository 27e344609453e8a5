package io.github.cfcontainers.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import io.github.cfcontainers.common.CfException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The manifest check against the test ground's real registry (distribution 2.x, TLS with its own
 * CA).
 */
class RegistryManifestsTestGroundTest {

  private static String env(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new AssertionError(
          name + " is not set: run `source \"$(bash scripts/test-ground.sh)\"` before the build");
    }
    return v;
  }

  private static final String REPOSITORY =
      "0123456789abcdef0123456789abcdef/never-pushed-" + System.nanoTime();

  @Test
  void loopbackTlsRegistryIsCheckedOverHttpsWithoutItsCa() {
    String registry = env("CF_TEST_REGISTRY");
    var auth =
        new RegistryAuth(registry, env("CF_TEST_REGISTRY_USER"), env("CF_TEST_REGISTRY_PASSWORD"));

    assertThat(new RegistryManifests().digest(registry, REPOSITORY, "1", auth)).isEmpty();
  }

  @Test
  void loopbackTlsRegistryIsCheckedWithItsCaFileToo() {
    String registry = env("CF_TEST_REGISTRY");
    var auth =
        new RegistryAuth(registry, env("CF_TEST_REGISTRY_USER"), env("CF_TEST_REGISTRY_PASSWORD"));
    var lookup =
        new RegistryManifests(new RegistryTls(Path.of(env("CF_TEST_REGISTRY_CA")), Set.of()));

    assertThat(lookup.digest(registry, REPOSITORY, "1", auth)).isEmpty();
    assertThatThrownBy(
            () ->
                lookup.digest(
                    registry,
                    REPOSITORY,
                    "1",
                    new RegistryAuth(registry, auth.username(), auth.password() + "x")))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("refused the credentials (HTTP 401)");
  }
}
