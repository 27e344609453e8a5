package io.github.cfcontainers.emulator.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A recorded rollout. Its progress is a function of time: step i completes at start + (i+1) *
 * stepDelay, so with no delay it is completed at once and with a delay clients see
 * pending/progressing before completed.
 */
public final class Rollout {
  public final String id;
  public final String applicationId;
  final Instant createdAt;
  final String description;
  final String strategy;
  public final String kind;
  final List<Integer> stepPercentages;
  public final ObjectNode targetConfiguration;
  public final ObjectNode currentConfiguration;
  final int currentVersion;
  public final int targetVersion;
  final Duration stepDelay;
  private volatile int manualSteps; // full_manual: steps done by "next" actions
  private volatile String stoppedStatus; // "replaced" when a newer rollout took over

  public Rollout(
      String id,
      String applicationId,
      String description,
      String strategy,
      String kind,
      List<Integer> stepPercentages,
      ObjectNode current,
      ObjectNode target,
      int currentVersion,
      int targetVersion,
      Duration stepDelay) {
    this.id = id;
    this.applicationId = applicationId;
    this.createdAt = Instant.now();
    this.description = description;
    this.strategy = strategy;
    this.kind = kind;
    this.stepPercentages = stepPercentages;
    this.currentConfiguration = current;
    this.targetConfiguration = target;
    this.currentVersion = currentVersion;
    this.targetVersion = targetVersion;
    this.stepDelay = stepDelay;
  }

  public Instant completesAt() {
    return createdAt.plus(stepDelay.multipliedBy(stepPercentages.size()));
  }

  public boolean manual() {
    return "full_manual".equals(kind);
  }

  /**
   * full_manual: "next" completes one more step, "previous" undoes one; false when there is none.
   */
  public synchronized boolean step(int delta) {
    if (stoppedStatus != null) return false;
    int n = manualSteps + delta;
    if (n < 0 || n > stepPercentages.size()) return false;
    manualSteps = n;
    return true;
  }

  int completedSteps() {
    if (manual()) return manualSteps;
    if (stepDelay.isZero()) return stepPercentages.size();
    long elapsed = Duration.between(createdAt, Instant.now()).toMillis();
    return (int) Math.min(stepPercentages.size(), elapsed / stepDelay.toMillis());
  }

  public String status() {
    if (stoppedStatus != null) return stoppedStatus;
    int done = completedSteps();
    if (done >= stepPercentages.size()) return "completed";
    if (manual()) return done == 0 ? "pending" : "progressing";
    if (done == 0
        && Duration.between(createdAt, Instant.now()).compareTo(stepDelay.dividedBy(2)) < 0)
      return "pending";
    return "progressing";
  }

  public void replace() {
    if (!"completed".equals(status())) stoppedStatus = "replaced";
  }

  /**
   * Marks it reverted; answers false when it was already replaced or reverted (nothing to undo).
   */
  public boolean revert() {
    if ("replaced".equals(stoppedStatus) || "reverted".equals(stoppedStatus)) return false;
    stoppedStatus = "reverted";
    return true;
  }

  public ObjectNode toJson(int totalInstances) {
    String status = status();
    int done = completedSteps();
    ObjectNode n = Json.object();
    n.put("id", id)
        .put("created_at", createdAt.toString())
        .put("last_updated_at", Instant.now().toString());
    n.put("description", description)
        .put("status", status)
        .put("kind", kind)
        .put("strategy", strategy);
    n.put("current_version", currentVersion).put("target_version", targetVersion);
    n.set("current_configuration", currentConfiguration);
    n.set("target_configuration", targetConfiguration);
    ArrayNode steps = n.putArray("steps");
    for (int i = 0; i < stepPercentages.size(); i++) {
      ObjectNode s = steps.addObject();
      s.put("id", i + 1);
      s.putObject("step_size").put("percentage", stepPercentages.get(i));
      s.put("description", "Step " + (i + 1) + ": " + stepPercentages.get(i) + "%");
      String st =
          i < done
              ? "completed"
              : (i == done && "progressing".equals(status))
                  ? "progressing"
                  : "replaced".equals(status) ? "replaced" : "pending";
      s.put("status", st);
      if (i < done) {
        s.put("started_at", createdAt.plus(stepDelay.multipliedBy(i)).toString());
        s.put("completed_at", createdAt.plus(stepDelay.multipliedBy(i + 1)).toString());
      }
    }
    int pct = done == 0 ? 0 : stepPercentages.get(done - 1);
    ObjectNode progress = n.putObject("progress");
    progress.put("total_steps", stepPercentages.size()).put("current_step", done);
    progress
        .put("updated_instances", totalInstances * pct / 100)
        .put("total_instances", totalInstances);
    n.putObject("health").putObject("instances").put("healthy", 0).put("failed", 0);
    return n;
  }
}
