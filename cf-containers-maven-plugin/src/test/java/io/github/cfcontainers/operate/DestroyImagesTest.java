package io.github.cfcontainers.operate;

import static io.github.cfcontainers.deploy.FakeCloudflare.ACCOUNT;
import static io.github.cfcontainers.deploy.FakeCloudflare.error;
import static io.github.cfcontainers.deploy.FakeCloudflare.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.RecordingReporter;
import io.github.cfcontainers.deploy.FakeCloudflare;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** cf:destroy -Dcf.destroy.images=true: which images, in which order, and what a rerun does. */
class DestroyImagesTest {

  private static final String HOST = "registry.example";

  private final FakeCloudflare cloudflare = new FakeCloudflare();
  private final FakeRegistry registry = new FakeRegistry();
  private final RecordingReporter reporter = RecordingReporter.markingWarnings();
  private final List<String> lines = reporter.lines;

  @AfterEach
  void close() throws IOException {
    cloudflare.close();
  }

  /** The Worker is gone already: only the images are left to delete. */
  private FakeCloudflare account() {
    return cloudflare
        .on("GET", "/workers/scripts", ok("[]"))
        .on("GET", "/containers/me", ok("{\"account_id\":\"x\"}"))
        .on("GET", "/workers/durable_objects/namespaces", ok("[]"))
        .on("GET", "/containers/applications", ok("[]"))
        .on(
            "POST",
            "/containers/registries/" + HOST + "/credentials",
            ok(
                "{\"account_id\":\""
                    + ACCOUNT
                    + "\",\"registry_host\":\""
                    + HOST
                    + "\",\"username\":\"v1-user\",\"password\":\"s3cret-pw\"}"));
  }

  private DestroyReport destroy(boolean apply, String... repositories) {
    return new DestroyService(cloudflare.api, reporter, registry)
        .destroy(
            new DestroySettings(
                "w", List.of(), new DestroySettings.Images(HOST, List.of(repositories))),
            apply);
  }

  @Test
  void deletesEveryTagOfThisProjectsRepositoriesOnlyThenCollectsGarbage() {
    account();
    registry
        .put(ACCOUNT + "/w-web", "v1", "sha256:1")
        .put(ACCOUNT + "/w-web", "v2", "sha256:2")
        .put(ACCOUNT + "/w-web-2", "v1", "sha256:3")
        .put(ACCOUNT + "/other-web", "v1", "sha256:4")
        .put("ffffffffffffffffffffffffffffffff/w-web", "v1", "sha256:5");

    var report = destroy(true, "w-web");

    assertThat(registry.deletes).containsExactly(ACCOUNT + "/w-web:v1", ACCOUNT + "/w-web:v2");
    assertThat(registry.gc).isEqualTo(1);
    assertThat(registry.repositories)
        .containsOnlyKeys(
            ACCOUNT + "/w-web-2", ACCOUNT + "/other-web", "ffffffffffffffffffffffffffffffff/w-web");
    assertThat(report.resources())
        .filteredOn(r -> r.kind().equals("image"))
        .extracting(
            DestroyReport.Resource::name,
            DestroyReport.Resource::id,
            DestroyReport.Resource::outcome)
        .containsExactly(
            tuple(ACCOUNT + "/w-web:v1", "sha256:1", "deleted"),
            tuple(ACCOUNT + "/w-web:v2", "sha256:2", "deleted"));
    // wrangler's credentials: pull and push, five minutes; the password travels only as the
    // registry's auth. Minted
    // for the plan's read, then again for the deletes (the first may expire while the Worker is
    // deleted).
    assertThat(cloudflare.writes())
        .extracting(FakeCloudflare.Call::method)
        .containsExactly("POST", "POST");
    var credentials = cloudflare.writes().get(1).json();
    assertThat(credentials.path("expiration_minutes").asInt()).isEqualTo(5);
    assertThat(credentials.path("permissions"))
        .extracting(n -> n.asText())
        .containsExactly("pull", "push");
    assertThat(registry.auths)
        .allMatch(a -> a.username().equals("v1-user") && a.registry().equals(HOST));
    assertThat(String.join("\n", lines)).doesNotContain("s3cret-pw");
    // The plan is printed before the first delete.
    assertThat(lines.indexOf("Image " + HOST + "/" + ACCOUNT + "/w-web: delete tag(s) v1, v2"))
        .isLessThan(lines.indexOf("Image " + ACCOUNT + "/w-web:v1: deleted (sha256:1)"));
  }

  @Test
  void aRepositoryOrTagAlreadyGoneIsDone() {
    account();
    registry.put(ACCOUNT + "/w-web", "v1", "sha256:1");
    registry.ghostTags.add(
        ACCOUNT + "/w-web:v0"); // listed by the catalog, but its manifest is gone

    var report = destroy(true, "w-web", "w-api");

    assertThat(registry.deletes).containsExactly(ACCOUNT + "/w-web:v1");
    assertThat(report.resources())
        .filteredOn(r -> r.kind().equals("image"))
        .extracting(DestroyReport.Resource::name, DestroyReport.Resource::outcome)
        .containsExactly(
            tuple(ACCOUNT + "/w-web:v0", "already_absent"),
            tuple(ACCOUNT + "/w-web:v1", "deleted"),
            tuple(ACCOUNT + "/w-api", "already_absent"));
    assertThat(lines).contains("Image " + HOST + "/" + ACCOUNT + "/w-api: already absent");
  }

  @Test
  void aDryRunListsTheTagsAndDeletesNothing() {
    account();
    registry.put(ACCOUNT + "/w-web", "v1", "sha256:1");

    var report = destroy(false, "w-web");

    assertThat(registry.deletes).isEmpty();
    assertThat(registry.gc).isZero();
    assertThat(registry.repositories).containsKey(ACCOUNT + "/w-web");
    assertThat(report.applied()).isFalse();
    assertThat(report.resources())
        .filteredOn(r -> r.kind().equals("image"))
        .extracting(DestroyReport.Resource::name, DestroyReport.Resource::outcome)
        .containsExactly(tuple(ACCOUNT + "/w-web:v1", "planned"));
    assertThat(lines).contains("Image " + HOST + "/" + ACCOUNT + "/w-web: delete tag(s) v1");
  }

  @Test
  void aFailureMidwayIsReportedAndARerunFinishes() {
    account();
    registry.put(ACCOUNT + "/w-web", "v1", "sha256:1").put(ACCOUNT + "/w-web", "v2", "sha256:2");
    registry.failOn = ACCOUNT + "/w-web:v2";

    assertThatThrownBy(() -> destroy(true, "w-web"))
        .isInstanceOfSatisfying(
            DestroyIncompleteException.class,
            e -> {
              assertThat(e.getMessage()).contains("Run cf:destroy again to finish");
              assertThat(e.report().complete()).isFalse();
              assertThat(e.report().resources())
                  .extracting(DestroyReport.Resource::outcome)
                  .contains("deleted");
            });
    assertThat(registry.gc).isZero();

    registry.failOn = null;
    var report = destroy(true, "w-web");

    assertThat(registry.deletes).containsExactly(ACCOUNT + "/w-web:v1", ACCOUNT + "/w-web:v2");
    assertThat(registry.repositories).doesNotContainKey(ACCOUNT + "/w-web");
    assertThat(report.complete()).isTrue();
    assertThat(registry.gc).isEqualTo(1);
  }

  @Test
  void aRegistryTheAccountHasNotGotIsASettingErrorBeforeAnyDelete() {
    account()
        .on(
            "POST",
            "/containers/registries/" + HOST + "/credentials",
            error(404, 1000, "IMAGE_REGISTRY_NOT_CONFIGURED"))
        .on(
            "GET",
            "/containers/applications",
            ok(
                "[{\"id\":\"app\",\"name\":\"w-web\",\"durable_objects\":"
                    + "{\"namespace_id\":\""
                    + "c".repeat(32)
                    + "\"}}]"));

    assertThatThrownBy(() -> destroy(true, "w-web"))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> assertThat(e.getMessage()).contains("Nothing was deleted"));
    assertThat(cloudflare.writes()).extracting(c -> c.method()).containsOnly("POST");
    assertThat(registry.catalogReads).isZero();
  }

  /**
   * An account's registry in memory: repository to tag to digest; a ghost tag is listed but has no
   * manifest.
   */
  static final class FakeRegistry implements DestroyImageRegistry {
    final Map<String, Map<String, String>> repositories = new LinkedHashMap<>();
    final List<String> ghostTags = new ArrayList<>();
    final List<String> deletes = new ArrayList<>();
    final List<RegistryAuth> auths = new ArrayList<>();
    String failOn;
    int gc;
    int catalogReads;

    FakeRegistry put(String repository, String tag, String digest) {
      repositories.computeIfAbsent(repository, r -> new LinkedHashMap<>()).put(tag, digest);
      return this;
    }

    @Override
    public Catalog catalog(RegistryAuth auth) {
      auths.add(auth);
      catalogReads++;
      var out = new LinkedHashMap<String, List<String>>();
      repositories.forEach((r, tags) -> out.put("/" + r, new ArrayList<>(tags.keySet())));
      for (String ghost : ghostTags) {
        String repo = ghost.substring(0, ghost.indexOf(':'));
        var tags = new ArrayList<>(out.getOrDefault("/" + repo, List.of()));
        tags.add(ghost.substring(ghost.indexOf(':') + 1));
        out.put("/" + repo, tags);
      }
      return new Catalog(out, false);
    }

    @Override
    public Optional<String> digest(String repositoryPath, String tag, RegistryAuth auth) {
      auths.add(auth);
      return Optional.ofNullable(repositories.getOrDefault(repositoryPath, Map.of()).get(tag));
    }

    @Override
    public boolean delete(String repositoryPath, String tag, RegistryAuth auth) {
      auths.add(auth);
      if ((repositoryPath + ":" + tag).equals(failOn)) {
        throw new IllegalStateException("HTTP 500 deleting " + repositoryPath + ":" + tag);
      }
      var tags = repositories.get(repositoryPath);
      if (tags == null || tags.remove(tag) == null) {
        return false;
      }
      deletes.add(repositoryPath + ":" + tag);
      if (tags.isEmpty()) {
        repositories.remove(repositoryPath);
      }
      return true;
    }

    @Override
    public void collectGarbage(RegistryAuth auth) {
      auths.add(auth);
      gc++;
    }
  }
}
