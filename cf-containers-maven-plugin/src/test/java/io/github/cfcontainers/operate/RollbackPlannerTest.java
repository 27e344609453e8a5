package io.github.cfcontainers.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.cloudflare.model.Rollout;
import io.github.cfcontainers.deploy.ApplicationSpec;
import io.github.cfcontainers.deploy.TestSpecs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rollback's choice of "what ran before", from rollout histories as the API lists them. */
class RollbackPlannerTest {

  static final String A = "registry.cloudflare.com/acct/w-web@sha256:" + "a".repeat(64);
  static final String B = "registry.cloudflare.com/acct/w-web@sha256:" + "b".repeat(64);
  static final String C = "registry.cloudflare.com/acct/w-web@sha256:" + "c".repeat(64);

  static ApplicationSpec container() {
    return TestSpecs.application("Web", "w-web", "WEB", "x", 5);
  }

  static ApplicationConfiguration config(String image, String type) {
    return ApplicationConfiguration.ofInstanceType(image, type, true);
  }

  static Application app(int version, ApplicationConfiguration configuration) {
    return new Application(
        "app-1",
        "w-web",
        version,
        "2026-01-01T00:00:00Z",
        "acct",
        "default",
        0,
        5,
        configuration,
        null,
        null,
        null,
        null,
        null);
  }

  static Rollout rollout(
      String id,
      String status,
      int from,
      int to,
      ApplicationConfiguration current,
      ApplicationConfiguration target) {
    return new Rollout(
        id,
        "2026-01-0" + to + "T00:00:00Z",
        null,
        "d",
        status,
        "full_auto",
        "rolling",
        IntNode.valueOf(from),
        IntNode.valueOf(to),
        null,
        null,
        target,
        current);
  }

  @Test
  void noRolloutIsNothingToRollBackTo() {
    assertThatThrownBy(
            () -> RollbackPlanner.item(container(), app(1, config(A, "lite")), List.of()))
        .isInstanceOf(RollbackPlanner.NothingToRollBack.class)
        .hasMessageContaining("no rollout in its history");
  }

  @Test
  void oneRolloutGoesBackToWhatItReplaced() {
    var item =
        RollbackPlanner.item(
            container(),
            app(2, config(B, "lite")),
            List.of(rollout("r1", "completed", 1, 2, config(A, "lite"), config(B, "lite"))));
    assertThat(item.toImage()).isEqualTo(A);
    assertThat(item.fromImage()).isEqualTo(B);
    assertThat(item.fromVersion()).isEqualTo(2L);
    assertThat(item.toVersion()).isEqualTo(1L);
    assertThat(item.currentRolloutId()).isEqualTo("r1");
    assertThat(item.patch()).isTrue();
    assertThat(item.changes()).containsExactly("image: " + B + " -> " + A);
    assertThat(item.basis()).contains("before rollout r1");
  }

  @Test
  void oneRolloutThatStatesNothingBeforeItIsNothingToRollBackTo() {
    // e.g. a rollout the API made when it created the application: no current_configuration
    assertThatThrownBy(
            () ->
                RollbackPlanner.item(
                    container(),
                    app(1, config(A, "lite")),
                    List.of(rollout("r1", "completed", 0, 1, null, config(A, "lite")))))
        .isInstanceOf(RollbackPlanner.NothingToRollBack.class)
        .hasMessageContaining("only rollout r1");
  }

  @Test
  void severalRolloutsInAnyOrderGoBackToThePreviousTarget() {
    var history =
        new ArrayList<>(
            List.of(
                rollout("r1", "completed", 1, 2, config(A, "lite"), config(B, "lite")),
                rollout("r2", "completed", 2, 3, config(B, "lite"), config(C, "basic"))));
    for (int i = 0; i < 2; i++) {
      var item = RollbackPlanner.item(container(), app(3, config(C, "basic")), history);
      assertThat(item.toImage()).isEqualTo(B);
      assertThat(item.toVersion()).isEqualTo(2L);
      assertThat(item.basis()).contains("rollout r1");
      assertThat(item.changes())
          .containsExactly("image: " + C + " -> " + B, "instance_type: basic -> lite");
      Collections.reverse(history); // the list's order is not documented
    }
  }

  @Test
  void aFailedLastRolloutIsSkipped() {
    // r2 was reverted: the instances run r1's target, so a rollback goes to what ran before r1.
    var item =
        RollbackPlanner.item(
            container(),
            app(3, config(B, "lite")),
            List.of(
                rollout("r1", "completed", 1, 2, config(A, "lite"), config(B, "lite")),
                rollout("r2", "reverted", 2, 3, config(B, "lite"), config(C, "lite"))));
    assertThat(item.currentRolloutId()).isEqualTo("r1");
    assertThat(item.toImage()).isEqualTo(A);
  }

  @Test
  void onlyFailedRolloutsIsNothingToRollBackTo() {
    assertThatThrownBy(
            () ->
                RollbackPlanner.item(
                    container(),
                    app(2, config(A, "lite")),
                    List.of(rollout("r1", "reverted", 1, 2, config(A, "lite"), config(B, "lite")))))
        .isInstanceOf(RollbackPlanner.NothingToRollBack.class)
        .hasMessageContaining("reverted or replaced");
  }

  @Test
  void aRolloutUnderWayIsRolledBackToWhatRanBeforeIt() {
    var item =
        RollbackPlanner.item(
            container(),
            app(3, config(C, "lite")),
            List.of(
                rollout("r1", "completed", 1, 2, config(A, "lite"), config(B, "lite")),
                rollout("r2", "progressing", 2, 3, config(B, "lite"), config(C, "lite"))));
    assertThat(item.currentRolloutId()).isEqualTo("r2");
    assertThat(item.toImage()).isEqualTo(B);
  }

  @Test
  void aRollbackUnderWayIsNotRolledBackAgain() {
    var ours =
        new Rollout(
            "r3",
            "2026-01-04T00:00:00Z",
            null,
            RollbackService.DESCRIPTION + "x",
            "progressing",
            "full_auto",
            "rolling",
            IntNode.valueOf(3),
            IntNode.valueOf(4),
            null,
            null,
            config(A, "lite"),
            config(B, "lite"));
    assertThatThrownBy(
            () ->
                RollbackPlanner.item(
                    container(),
                    app(4, config(A, "lite")),
                    List.of(
                        rollout("r1", "completed", 1, 2, config(A, "lite"), config(B, "lite")),
                        ours)))
        .isInstanceOf(RollbackPlanner.NothingToRollBack.class)
        .hasMessageContaining("still progressing");
  }

  @Test
  void aCompletedRollbackIsUndoneByTheNext() {
    var item =
        RollbackPlanner.item(
            container(),
            app(4, config(A, "lite")),
            List.of(
                rollout("r1", "completed", 1, 2, config(A, "lite"), config(B, "lite")),
                rollout("r2", "completed", 3, 4, config(B, "lite"), config(A, "lite"))));
    assertThat(item.toImage()).isEqualTo(B);
  }

  @Test
  void aRerunAfterThePatchOnlyStartsTheRollout() {
    // The PATCH of an earlier rollback took, its rollout POST did not: the application already says
    // A.
    var item =
        RollbackPlanner.item(
            container(),
            app(3, config(A, "lite")),
            List.of(rollout("r1", "completed", 1, 2, config(A, "lite"), config(B, "lite"))));
    assertThat(item.patch()).isFalse();
    assertThat(item.toImage()).isEqualTo(A);
    assertThat(item.fromImage()).isEqualTo(B);
  }

  @Test
  void aPartialTargetKeepsTheApplicationsOtherFields() {
    var partial = new ApplicationConfiguration(A, null, null, null, null, null);
    var running = ApplicationConfiguration.custom(B, 1, 5000, 8000, false);
    var merged = RollbackPlanner.merge(partial, running);
    assertThat(merged.image()).isEqualTo(A);
    assertThat(merged.vcpu()).isEqualTo(1.0);
    assertThat(merged.memoryMib()).isEqualTo(5000);
    assertThat(merged.instanceType()).isNull();
    assertThat(merged.observability()).isEqualTo(running.observability());
    // A stated size is taken whole, never mixed with the current one.
    var sized = RollbackPlanner.merge(config(A, "basic"), running);
    assertThat(sized.instanceType()).isEqualTo("basic");
    assertThat(sized.vcpu()).isNull();
    // A read-back's type with its resolved sizes (and a legacy name) is written by the type's name
    // alone.
    var readBack =
        new ApplicationConfiguration(
            A, "dev", 0.0625, 256, new ApplicationConfiguration.Disk(2000), null);
    var written = RollbackPlanner.merge(readBack, running);
    assertThat(written.instanceType()).isEqualTo("lite");
    assertThat(written.vcpu()).isNull();
    assertThat(written.disk()).isNull();
  }
}
