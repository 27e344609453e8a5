// Over 300 lines: one test per rollback case, all on one fake account and its rollout history.
package io.github.cfcontainers.operate;

import static io.github.cfcontainers.deploy.FakeCloudflare.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.RecordingReporter;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.config.ContainerSpec;
import io.github.cfcontainers.config.PrebuiltImage;
import io.github.cfcontainers.deploy.ApplicationSpec;
import io.github.cfcontainers.deploy.Constraints;
import io.github.cfcontainers.deploy.ContainerSize;
import io.github.cfcontainers.deploy.FakeCloudflare;
import io.github.cfcontainers.deploy.InstanceType;
import io.github.cfcontainers.deploy.RolloutPolicy;
import io.github.cfcontainers.deploy.RolloutWatcher;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * cf:rollback against hand-written API answers: what it reads, what it writes, and when it writes
 * nothing.
 */
class RollbackServiceTest {

  private static final String A = RollbackPlannerTest.A;
  private static final String B = RollbackPlannerTest.B;
  private final FakeCloudflare cloudflare = new FakeCloudflare();
  private final RecordingReporter reporter = RecordingReporter.infoAndWarnings();
  private final List<String> printed = reporter.lines;

  @AfterEach
  void close() throws IOException {
    cloudflare.close();
  }

  private static ApplicationSpec container(String className, String name, RolloutPolicy policy) {
    return new ApplicationSpec(
        new ContainerSpec(className, name, Optional.empty(), new PrebuiltImage("x")),
        className.toUpperCase(),
        new ContainerSize.Named(InstanceType.LITE),
        5,
        "default",
        Constraints.NONE,
        true,
        policy,
        false,
        null);
  }

  private static String app(String id, String name, int version, String image) {
    return """
        {"id":"%s","name":"%s","version":%d,"scheduling_policy":"default","instances":0,"max_instances":5,
         "configuration":{"image":"%s","instance_type":"lite","observability":{"logs":{"enabled":true}}}}"""
        .formatted(id, name, version, image);
  }

  private static String rollout(
      String id, String status, int from, int to, String current, String target) {
    return """
        {"id":"%s","created_at":"2026-01-0%dT00:00:00Z","status":"%s","kind":"full_auto","strategy":"rolling",
         "current_version":%d,"target_version":%d,
         "current_configuration":{"image":"%s","instance_type":"lite"},
         "target_configuration":{"image":"%s","instance_type":"lite"}}"""
        .formatted(id, to, status, from, to, current, target);
  }

  private void deployedTwice(String id, String name) {
    cloudflare.on(
        "GET",
        "/containers/applications/" + id + "/rollouts",
        ok("[" + rollout("r1", "completed", 1, 2, A, B) + "]"));
    cloudflare.on("GET", "/containers/applications/" + id, ok(app(id, name, 2, B)));
    cloudflare.on("PATCH", "/containers/applications/" + id, ok(app(id, name, 3, A)));
    cloudflare.on(
        "POST",
        "/containers/applications/" + id + "/rollouts",
        ok(rollout("r-back", "pending", 3, 4, B, A)));
  }

  /** The account holds w-web alone, deployed twice. */
  private void webDeployedTwice() {
    cloudflare.on("GET", "/containers/me", ok("{}"));
    cloudflare.on("GET", "/containers/applications", ok("[" + app("app-1", "w-web", 2, B) + "]"));
    deployedTwice("app-1", "w-web");
  }

  /** Web (w-web) and Api (w-api), both with the default rollout. */
  private static List<ApplicationSpec> webAndApi() {
    return List.of(
        container("Web", "w-web", RolloutPolicy.DEFAULT),
        container("Api", "w-api", RolloutPolicy.DEFAULT));
  }

  private RollbackService service() {
    return new RollbackService(
        cloudflare.api,
        reporter,
        new RolloutWatcher(
            cloudflare.api, Reporter.SILENT, Duration.ofMillis(1), Duration.ofSeconds(2)));
  }

  @Test
  void patchesThePreviousConfigurationAndRollsItOut() {
    webDeployedTwice();
    var report =
        service()
            .rollback(
                new RollbackSettings(
                    List.of(
                        container(
                            "Web",
                            "w-web",
                            new RolloutPolicy("rolling", null, List.of(10, 100), null))),
                    null,
                    false),
                true);

    assertThat(cloudflare.writeLines())
        .containsExactly(
            "PATCH /containers/applications/app-1", "POST /containers/applications/app-1/rollouts");
    var patch = cloudflare.writes().get(0).json();
    assertThat(patch.fieldNames()).toIterable().containsExactly("configuration");
    assertThat(patch.path("configuration").path("image").asText()).isEqualTo(A);
    var post = cloudflare.writes().get(1).json();
    assertThat(post.path("target_configuration").path("image").asText()).isEqualTo(A);
    assertThat(post.path("strategy").asText()).isEqualTo("rolling");
    assertThat(post.path("kind").asText()).isEqualTo("full_auto");
    assertThat(post.path("steps").findValuesAsText("percentage")).containsExactly("10", "100");
    assertThat(post.has("step_percentage")).isFalse();
    assertThat(post.path("description").asText()).startsWith(RollbackService.DESCRIPTION);
    assertThat(report.applications())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.outcome()).isEqualTo("rolled_back");
              assertThat(a.rolloutId()).isEqualTo("r-back");
            });
    assertThat(printed)
        .anyMatch(l -> l.contains("roll back from version 2 to the configuration of version 1"))
        .contains("  image: " + B + " -> " + A);
  }

  @Test
  void dryRunPrintsThePlanAndWritesNothing() {
    webDeployedTwice();
    var report =
        service()
            .rollback(
                new RollbackSettings(
                    List.of(container("Web", "w-web", RolloutPolicy.DEFAULT)), null, false),
                false);
    assertThat(cloudflare.writes()).isEmpty();
    assertThat(report.applied()).isFalse();
    assertThat(report.applications())
        .singleElement()
        .extracting(RollbackReport.Application::outcome)
        .isEqualTo("planned");
    assertThat(printed).contains("  image: " + B + " -> " + A);
  }

  @Test
  void oneContainerOfTwo() {
    cloudflare.on("GET", "/containers/me", ok("{}"));
    cloudflare.on("GET", "/containers/applications", ok("[" + app("app-2", "w-api", 2, B) + "]"));
    deployedTwice("app-2", "w-api");
    var settings =
        new RollbackSettings(
            List.of(
                container("Web", "w-web", RolloutPolicy.DEFAULT),
                container("Api", "w-api", RolloutPolicy.IMMEDIATE)),
            "Api",
            false);
    service().rollback(settings, true);
    assertThat(cloudflare.writeLines())
        .containsExactly(
            "PATCH /containers/applications/app-2", "POST /containers/applications/app-2/rollouts");
    assertThat(cloudflare.writes().get(1).json().path("step_percentage").asInt()).isEqualTo(100);
    // only w-api was looked up
    assertThat(cloudflare.calls).noneMatch(c -> c.path().contains("name=w-web"));
  }

  @Test
  void anUnknownContainerIsASettingError() {
    var settings =
        new RollbackSettings(
            List.of(container("Web", "w-web", RolloutPolicy.DEFAULT)), "nope", false);
    cloudflare.on("GET", "/containers/me", ok("{}"));
    assertThatThrownBy(() -> service().rollback(settings, true))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("'nope'");
    assertThat(cloudflare.writes()).isEmpty();
  }

  @Test
  void aMissingApplicationFailsAllBeforeAnyWrite() {
    cloudflare.on("GET", "/containers/me", ok("{}"));
    // w-web is deployed twice and could roll back; w-api is missing: nothing at all is changed.
    cloudflare.on("GET", "/containers/applications", ok("[" + app("app-1", "w-web", 2, B) + "]"));
    deployedTwice("app-1", "w-web");
    var settings = new RollbackSettings(webAndApi(), null, false);
    assertThatThrownBy(() -> service().rollback(settings, true))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("Nothing was changed")
        .hasMessageContaining("w-api: not deployed")
        .hasMessageContaining("-Dcf.container");
    assertThat(cloudflare.writes()).isEmpty();
  }

  @Test
  void aChangeSinceThePlanStopsBeforeThePatch() {
    webDeployedTwice();
    cloudflare.on("GET", "/containers/applications/app-1", ok(app("app-1", "w-web", 5, B)));
    var settings =
        new RollbackSettings(
            List.of(container("Web", "w-web", RolloutPolicy.DEFAULT)), null, false);
    assertThatThrownBy(() -> service().rollback(settings, true))
        .isInstanceOf(RollbackFailedException.class)
        .hasMessageContaining("version 2 -> 5");
    assertThat(cloudflare.writes()).isEmpty();
  }

  @Test
  void waitFollowsTheRollbackRollout() {
    webDeployedTwice();
    cloudflare.on(
        "GET",
        "/containers/applications/app-1/rollouts/r-back",
        ok(rollout("r-back", "progressing", 3, 4, B, A)),
        ok(rollout("r-back", "completed", 3, 4, B, A)));
    cloudflare.on(
        "GET",
        "/containers/applications/app-1/instances-v2",
        ok(
            "[{\"id\":\"i1\",\"application_id\":\"app-1\",\"image\":\""
                + A
                + "\",\"status\":{\"state\":\"running\"}}]"));
    var report =
        service()
            .rollback(
                new RollbackSettings(
                    List.of(container("Web", "w-web", RolloutPolicy.DEFAULT)), null, true),
                true);
    assertThat(report.applications().get(0).rolloutStatus()).isEqualTo("completed");
  }

  @Test
  void aFailureMidwayReportsWhatIsDoneAndHowToFinish() {
    cloudflare.on("GET", "/containers/me", ok("{}"));
    cloudflare.on(
        "GET",
        "/containers/applications",
        ok("[" + app("app-1", "w-web", 2, B) + "," + app("app-2", "w-api", 2, B) + "]"));
    deployedTwice("app-1", "w-web");
    deployedTwice("app-2", "w-api");
    cloudflare.on(
        "POST",
        "/containers/applications/app-2/rollouts",
        FakeCloudflare.error(400, 1000, "bad input"));
    var settings = new RollbackSettings(webAndApi(), null, false);
    assertThatThrownBy(() -> service().rollback(settings, true))
        .isInstanceOfSatisfying(
            RollbackFailedException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("Application w-api: rolling it back failed")
                  .contains("Rolled back before it: [w-web]")
                  .contains("-Dcf.container=w-api");
              assertThat(e.report().complete()).isFalse();
              assertThat(e.report().applications())
                  .extracting(RollbackReport.Application::outcome)
                  .containsExactly("rolled_back", "failed");
            });
  }
}
