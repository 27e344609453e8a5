package io.github.cfcontainers.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.config.Written;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cf:destroy needs the names only: nothing on disk is read. */
class DestroyTargetsTest {

  private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  private static final String REGISTRY = "registry.cloudflare.com";

  @Test
  void aBuiltContainerWhoseDockerfileAndContextAreMissingStillHasItsNames() {
    var build =
        new Written.Build(
            "/nonexistent/context", "Missing.Dockerfile", null, null, null, null, null, null);
    var targets =
        DestroyTargets.resolve(
            "shop",
            List.of(
                Written.container("Web", null, null, null, build),
                Written.container("Api", "shop-api", null, null, null)),
            REGISTRY,
            ACCOUNT);

    assertThat(targets.containerNames()).containsExactly("shop-web", "shop-api");
    assertThat(targets.repositoryNames()).containsExactly("shop-web", "shop-api");
    assertThat(targets.notPushed()).isEmpty();
  }

  @Test
  void aPrebuiltLocalImageIsItsOwnRepositoryAndOneAlreadyInARegistryIsNeverThisProjects() {
    var targets =
        DestroyTargets.resolve(
            "shop",
            List.of(
                Written.container("Web", "shop-web", null, "my-team/web:1.2", null),
                Written.container(
                    "Api", "shop-api", null, REGISTRY + "/" + ACCOUNT + "/shared-api:3", null),
                Written.container("Job", "shop-job", null, "ghcr.io/acme/job:1", null),
                Written.container(
                    "Cron", "shop-cron", null, "my-team/cron@sha256:" + "a".repeat(64), null)),
            REGISTRY,
            ACCOUNT);

    assertThat(targets.containerNames())
        .containsExactly("shop-web", "shop-api", "shop-job", "shop-cron");
    assertThat(targets.repositoryNames()).containsExactly("my-team/web");
    assertThat(targets.notPushed())
        .containsExactly(
            REGISTRY + "/" + ACCOUNT + "/shared-api:3",
            "ghcr.io/acme/job:1",
            "my-team/cron@sha256:" + "a".repeat(64));
  }

  @Test
  void withoutANameOrAClassNameTheErrorNamesBoth() {
    assertThatThrownBy(
            () ->
                DestroyTargets.resolve(
                    "shop",
                    List.of(Written.container(null, null, null, null, null)),
                    REGISTRY,
                    ACCOUNT))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.setting().path())
                  .containsExactly("containers", "container", "className");
              assertThat(e.getMessage()).contains("has no className and no <name>");
              assertThat(e.fix()).contains("<name>");
            });
  }

  @Test
  void anInvalidNameIsRefused() {
    assertThatThrownBy(
            () ->
                DestroyTargets.resolve(
                    "shop",
                    List.of(Written.container("Web", "Bad Name", null, null, null)),
                    REGISTRY,
                    ACCOUNT))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("'Bad Name'");
  }
}
