package io.github.cfcontainers.deploy;

import static io.github.cfcontainers.deploy.FakeCloudflare.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.cloudflare.CloudflareJson;
import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.RecordingReporter;
import io.github.cfcontainers.common.Setting;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** -Dcf.wait: failure, timeout, and the instances' version check, on a fake clock. */
class RolloutWatcherTest {

  private static final String OLD = "registry.cloudflare.com/acct/w-web@sha256:" + "a".repeat(64);
  private static final String NEW = "registry.cloudflare.com/acct/w-web@sha256:" + "b".repeat(64);
  private static final String R = "/containers/applications/app-1/rollouts/r1";
  private static final String I = "/containers/applications/app-1/instances-v2";

  private final FakeCloudflare cloudflare = new FakeCloudflare();
  private final AtomicLong now = new AtomicLong();
  private final RecordingReporter reporter = RecordingReporter.infoAndWarnings();
  private final List<String> printed = reporter.lines;

  /** Every sleep moves the fake clock by the interval (10 s): a 1 minute timeout allows 6 polls. */
  private final RolloutWatcher watcher =
      new RolloutWatcher(
          cloudflare.api,
          reporter,
          Duration.ofSeconds(10),
          Duration.ofMinutes(1),
          now::get,
          d -> now.addAndGet(d.toNanos()));

  @AfterEach
  void close() throws IOException {
    cloudflare.close();
  }

  private static String rollout(String status, int step, String steps) {
    return """
        {"id":"r1","status":"%s","target_version":3,"target_configuration":{"image":"%s"},
         "progress":{"total_steps":2,"current_step":%d,"updated_instances":%d,"total_instances":4},
         "steps":%s}"""
        .formatted(status, NEW, step, step * 2, steps);
  }

  private static String instance(String id, String image, String state) {
    return "{\"id\":\""
        + id
        + "\",\"application_id\":\"app-1\",\"image\":\""
        + image
        + "\",\"status\":{\"state\":\""
        + state
        + "\",\"updated_at\":\"2026-01-01T00:00:00Z\"}}";
  }

  @Test
  void completedAndInstancesOnTheNewImageIsDone() {
    cloudflare.on("GET", R, ok(rollout("progressing", 1, "[]")), ok(rollout("completed", 2, "[]")));
    // The old instance is still up on the first look, replaced on the second; a stopped one does
    // not count.
    cloudflare.on(
        "GET",
        I,
        ok("[" + instance("i1", OLD, "running") + "]"),
        ok("[" + instance("i1", NEW, "running") + "," + instance("i0", OLD, "stopped") + "]"));
    var done = watcher.await("w-web", "app-1", "r1");
    assertThat(done.status()).isEqualTo("completed");
    assertThat(printed)
        .contains(
            "Application w-web: rollout progressing (step 1/2, 2/4 instances)",
            "Application w-web: rollout completed (step 2/2, 4/4 instances)",
            "Application w-web: done, 1 of 1 running instance(s) report " + NEW);
  }

  @Test
  void instancesThatStayOnTheOldImageFailAfterTheTimeout() {
    cloudflare.on("GET", R, ok(rollout("completed", 2, "[]")));
    cloudflare.on("GET", I, ok("[" + instance("i1", OLD, "running") + "]"));
    assertThatThrownBy(() -> watcher.await("w-web", "app-1", "r1"))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("completed, but within 1m (-Dcf.wait.timeout)")
        .hasMessageContaining("i1 (running, " + OLD + ")");
  }

  @Test
  void theDashFormIsCheckedByAppVersion() {
    cloudflare.on("GET", R, ok(rollout("completed", 2, "[]")));
    cloudflare.on(
        "GET",
        I,
        ok("[{\"id\":\"i1\",\"app_version\":2,\"state\":\"running\"}]"),
        ok("[{\"id\":\"i1\",\"app_version\":3,\"state\":\"running\"}]"));
    watcher.await("w-web", "app-1", "r1");
    assertThat(cloudflare.calls.stream().filter(c -> c.path().startsWith(I))).hasSize(2);
  }

  @Test
  void instancesWithoutImageOrVersionAreNotChecked() {
    cloudflare.on("GET", R, ok(rollout("completed", 2, "[]")));
    cloudflare.on("GET", I, ok("[{\"id\":\"i1\",\"status\":{\"state\":\"running\"}}]"));
    watcher.await("w-web", "app-1", "r1");
    assertThat(printed)
        .anyMatch(
            l ->
                l.contains("0 of 1 running instance(s)")
                    && l.contains("1 report neither image nor app_version (not checked)"));
  }

  @Test
  void noInstanceRunningIsDone() {
    cloudflare.on("GET", R, ok(rollout("completed", 2, "[]")));
    cloudflare.on("GET", I, ok("[]"));
    watcher.await("w-web", "app-1", "r1");
    assertThat(printed).anyMatch(l -> l.contains("no instance is running"));
  }

  @Test
  void aRevertedRolloutFailsTheBuild() {
    cloudflare.on("GET", R, ok(rollout("progressing", 1, "[]")), ok(rollout("reverted", 0, "[]")));
    assertThatThrownBy(() -> watcher.await("w-web", "app-1", "r1"))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("ended reverted")
        .hasMessageContaining("cf:rollback");
  }

  @Test
  void aReplacedRolloutFailsTheBuild() {
    cloudflare.on("GET", R, ok(rollout("replaced", 1, "[]")));
    assertThatThrownBy(() -> watcher.await("w-web", "app-1", "r1"))
        .hasMessageContaining("ended replaced");
  }

  @Test
  void aRevertingStepFailsAtOnceWithItsReason() {
    cloudflare.on(
        "GET",
        R,
        ok(
            rollout(
                "progressing",
                1,
                "[{\"id\":1,\"status\":\"completed\"},{\"id\":2,\"status\":\"reverting\",\"reason\":\"health checks failed\"}]")));
    assertThatThrownBy(() -> watcher.await("w-web", "app-1", "r1"))
        .hasMessageContaining("step 2 reverting: health checks failed");
    assertThat(cloudflare.calls.stream().filter(c -> c.path().startsWith(R))).hasSize(1);
  }

  @Test
  void aRolloutThatDoesNotFinishFailsAfterTheTimeout() {
    cloudflare.on("GET", R, ok(rollout("progressing", 1, "[]")));
    assertThatThrownBy(() -> watcher.await("w-web", "app-1", "r1"))
        .hasMessageContaining("did not finish within 1m (-Dcf.wait.timeout); it goes on remotely");
    // polled at 0, 10, ..., 70 s: the first poll past the 60 s deadline fails
    assertThat(cloudflare.calls.stream().filter(c -> c.path().startsWith(R))).hasSize(8);
  }

  @Test
  void timeoutsAreParsed() {
    var s = Setting.of("waitTimeout").withProperty("cf.wait.timeout");
    assertThat(RolloutWatcher.parseTimeout("600", s)).isEqualTo(Duration.ofMinutes(10));
    assertThat(RolloutWatcher.parseTimeout("90s", s)).isEqualTo(Duration.ofSeconds(90));
    assertThat(RolloutWatcher.parseTimeout(" 10M ", s)).isEqualTo(Duration.ofMinutes(10));
    assertThat(RolloutWatcher.parseTimeout("1h", s)).isEqualTo(Duration.ofHours(1));
    for (String bad : List.of("", "ten", "10 min", "-5", "1.5m", "0", "25h")) {
      assertThatThrownBy(() -> RolloutWatcher.parseTimeout(bad, s))
          .as(bad)
          .isInstanceOf(InvalidSettingException.class)
          .satisfies(e -> assertThat(((InvalidSettingException) e).setting()).isEqualTo(s));
    }
  }

  @Test
  void rolloutBodiesAreWhatTheApiExpects() throws Exception {
    var mapper = CloudflareJson.newMapper();
    var target = ApplicationConfiguration.ofInstanceType(NEW, "lite", true);
    var percentage =
        mapper.readTree(mapper.writeValueAsString(RolloutPolicy.DEFAULT.request("d", target)));
    assertThat(percentage.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "description", "strategy", "kind", "step_percentage", "target_configuration");
    assertThat(percentage.path("strategy").asText()).isEqualTo("rolling");
    assertThat(percentage.path("kind").asText()).isEqualTo("full_auto");
    assertThat(percentage.path("step_percentage").asInt()).isEqualTo(25);
    var immediate =
        mapper.readTree(mapper.writeValueAsString(RolloutPolicy.IMMEDIATE.request("d", target)));
    assertThat(immediate.path("step_percentage").asInt()).isEqualTo(100);
    assertThat(immediate.has("steps")).isFalse();
    var steps =
        mapper.readTree(
            mapper.writeValueAsString(
                new RolloutPolicy("rolling", null, List.of(10, 50, 100), null)
                    .request("d", target)));
    assertThat(steps.has("step_percentage")).isFalse();
    assertThat(steps.path("steps")).hasSize(3);
    assertThat(steps.path("steps").get(1).path("step_size").path("percentage").asInt())
        .isEqualTo(50);
    assertThat(steps.path("steps").get(1).path("description").isTextual()).isTrue();
    assertThat(steps.path("target_configuration").path("image").asText()).isEqualTo(NEW);
  }
}
