package io.github.cfcontainers.operate;

import static io.github.cfcontainers.deploy.FakeCloudflare.error;
import static io.github.cfcontainers.deploy.FakeCloudflare.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.RecordingReporter;
import io.github.cfcontainers.deploy.FakeCloudflare;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DestroyServiceTest {

  private static final String MINE_NS = "a".repeat(32);
  private static final String OTHER_NS = "b".repeat(32);
  private static final String GONE_NS = "c".repeat(32);
  private static final String NAMESPACES =
      "[{\"id\":\""
          + MINE_NS
          + "\",\"name\":\"w_Web\",\"script\":\"w\",\"class\":\"Web\","
          + "\"use_sqlite\":true},{\"id\":\""
          + OTHER_NS
          + "\",\"name\":\"other_Web\",\"script\":\"other\","
          + "\"class\":\"Web\",\"use_sqlite\":true}]";
  private static final String SCRIPTS = "[{\"id\":\"w\"},{\"id\":\"other\"}]";

  private final FakeCloudflare cloudflare = new FakeCloudflare();
  private final RecordingReporter reporter = RecordingReporter.markingWarnings();
  private final List<String> lines = reporter.lines;

  @AfterEach
  void close() throws IOException {
    cloudflare.close();
  }

  private static String app(String id, String name, String namespace) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"durable_objects\":{\"namespace_id\":\""
        + namespace
        + "\"}}";
  }

  private FakeCloudflare account(String scripts, String... applications) {
    return cloudflare
        .on("GET", "/workers/scripts", ok(scripts))
        .on("GET", "/containers/me", ok("{\"account_id\":\"x\"}"))
        .on("GET", "/workers/durable_objects/namespaces", ok(NAMESPACES))
        .on(
            "GET",
            "/containers/applications",
            Arrays.stream(applications)
                .map(FakeCloudflare::ok)
                .toArray(okhttp3.mockwebserver.MockResponse[]::new))
        .on("DELETE", "/containers/applications/app-mine", ok("null"))
        .on("DELETE", "/workers/scripts/w", ok("null"));
  }

  private DestroyReport destroy(boolean apply, String... names) {
    return new DestroyService(cloudflare.api, reporter)
        .destroy(new DestroySettings("w", List.of(names)), apply);
  }

  private List<String> writes() {
    return cloudflare.writes().stream().map(Object::toString).toList();
  }

  @Test
  void deletesOnlyThisWorkersApplicationsThenTheWorkerUnforced() {
    account(
        SCRIPTS,
        "["
            + app("app-mine", "w-web", MINE_NS)
            + ","
            + app("app-other", "other-web", OTHER_NS)
            + "]");

    var report = destroy(true, "w-web");

    assertThat(writes())
        .containsExactly(
            "DELETE /containers/applications/app-mine", "DELETE /workers/scripts/w?force=false");
    assertThat(report.complete()).isTrue();
    assertThat(report.resources())
        .extracting(DestroyReport.Resource::name, DestroyReport.Resource::outcome)
        .containsExactly(tuple("w-web", "deleted"), tuple("w", "deleted"));
    // Printed before the first delete.
    assertThat(lines.get(0)).isEqualTo("Application w-web (app-mine): delete (serves w's Web)");
    assertThat(lines.get(1))
        .startsWith("Worker w: delete, with its Durable Object namespace(s) Web (" + MINE_NS + ")");
    assertThat(String.join("\n", lines)).doesNotContain("app-other");
  }

  @Test
  void aConfiguredNameServingAnotherWorkerIsKeptAndAnOrphanWithThatNameIsDeleted() {
    account(
            SCRIPTS,
            "["
                + app("app-adopted", "w-web", OTHER_NS)
                + ","
                + app("app-orphan", "w-api", GONE_NS)
                + "]")
        .on("DELETE", "/containers/applications/app-orphan", ok("null"));

    var report = destroy(true, "w-web", "w-api");

    assertThat(writes())
        .containsExactly(
            "DELETE /containers/applications/app-orphan", "DELETE /workers/scripts/w?force=false");
    assertThat(lines)
        .contains("Application w-web (app-adopted): kept, it serves Worker other's Web");
    assertThat(report.resources())
        .anyMatch(
            r -> r.id() != null && r.id().equals("app-adopted") && r.outcome().equals("kept"));
  }

  @Test
  void whatIsAbsentIsAlreadyDoneAndNothingIsWritten() {
    account("[{\"id\":\"other\"}]", "[" + app("app-other", "other-web", OTHER_NS) + "]");

    var report = destroy(true, "w-web");

    assertThat(writes()).isEmpty();
    assertThat(report.resources())
        .extracting(DestroyReport.Resource::outcome)
        .containsOnly("already_absent");
    assertThat(lines)
        .containsExactly("Application w-web: already absent", "Worker w: already absent");
  }

  @Test
  void aDeleteAnswering404CountsAsDone() {
    account(SCRIPTS, "[" + app("app-mine", "w-web", MINE_NS) + "]")
        .on(
            "DELETE",
            "/containers/applications/app-mine",
            error(404, 1000, "{\\\"error\\\":\\\"APPLICATION_NOT_FOUND\\\"}"))
        .on("DELETE", "/workers/scripts/w", error(404, 10007, "This Worker does not exist"));

    var report = destroy(true, "w-web");

    assertThat(report.complete()).isTrue();
    assertThat(report.resources())
        .extracting(DestroyReport.Resource::outcome)
        .containsExactly("already_absent", "already_absent");
  }

  @Test
  void aDryRunDeletesNothing() {
    account(SCRIPTS, "[" + app("app-mine", "w-web", MINE_NS) + "]");

    var report = destroy(false, "w-web");

    assertThat(writes()).isEmpty();
    assertThat(report.applied()).isFalse();
    assertThat(report.resources())
        .extracting(DestroyReport.Resource::outcome)
        .containsExactly("planned", "planned");
  }

  @Test
  void aFailureMidwayStopsBeforeTheWorkerAndARerunFinishes() {
    account(
            SCRIPTS,
            "[" + app("app-mine", "w-web", MINE_NS) + "," + app("app-two", "w-api", MINE_NS) + "]",
            "[" + app("app-two", "w-api", MINE_NS) + "]")
        .on("DELETE", "/containers/applications/app-two", error(500, 1000, "internal"), ok("null"));

    assertThatThrownBy(() -> destroy(true, "w-web", "w-api"))
        .isInstanceOfSatisfying(
            DestroyIncompleteException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("application w-api (app-two) failed")
                  .contains("Run cf:destroy again");
              assertThat(e.report().complete()).isFalse();
              assertThat(e.report().resources())
                  .extracting(DestroyReport.Resource::id)
                  .containsExactly("app-mine");
            });
    assertThat(writes())
        .containsExactly(
            "DELETE /containers/applications/app-mine", "DELETE /containers/applications/app-two");

    var rerun = destroy(true, "w-web", "w-api");

    assertThat(rerun.complete()).isTrue();
    assertThat(writes())
        .endsWith(
            "DELETE /containers/applications/app-two", "DELETE /workers/scripts/w?force=false");
    assertThat(rerun.resources())
        .extracting(DestroyReport.Resource::name, DestroyReport.Resource::outcome)
        .containsExactly(
            tuple("w-web", "already_absent"), tuple("w-api", "deleted"), tuple("w", "deleted"));
  }

  @Test
  void aTokenWithoutContainersIsRefusedBeforeAnyDelete() {
    account(SCRIPTS, "[" + app("app-mine", "w-web", MINE_NS) + "]")
        .on("GET", "/containers/me", error(403, 10000, "Authentication error"));

    assertThatThrownBy(() -> destroy(true, "w-web"))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("'Containers: Edit'")
        .hasMessageContaining("Nothing was deleted.");
    assertThat(writes()).isEmpty();
  }

  @Test
  void aWorkerOtherWorkersDependOnIsNotForcedAndTheMessageSaysWhy() {
    account(SCRIPTS, "[" + app("app-mine", "w-web", MINE_NS) + "]")
        .on(
            "DELETE",
            "/workers/scripts/w",
            error(400, 10064, "Worker 'w' is used by other Workers: other"));

    assertThatThrownBy(() -> destroy(true, "w-web"))
        .isInstanceOfSatisfying(
            DestroyIncompleteException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("Other Workers depend on w")
                  .contains("never forces");
              assertThat(e.report().resources())
                  .extracting(DestroyReport.Resource::outcome)
                  .containsExactly("deleted");
            });
    assertThat(writes())
        .containsExactly(
            "DELETE /containers/applications/app-mine", "DELETE /workers/scripts/w?force=false");
  }
}
