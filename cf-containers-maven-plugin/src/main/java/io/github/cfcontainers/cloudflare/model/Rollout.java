package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rollout as the API answers it (the wire view of one rollout's state; the POM's {@code
 * <rollout>} is maven.Rollout, its validated form deploy.RolloutPolicy). {@code status}: pending |
 * progressing | completed | reverted | replaced. {@code current_version} and {@code target_version}
 * are the application's versions before and after (numbers in containers-shared's
 * ApplicationRollout model and the public schema's RolloutCreateResponse); {@code
 * target_configuration} is what it rolls out, {@code current_configuration} what ran before it
 * (both "user-specified container configuration", possibly partial). {@code steps} and {@code
 * progress} are optional in the public schema (absent for its "new_instances" strategy).
 */
public record Rollout(
    String id,
    String createdAt,
    String lastUpdatedAt,
    String description,
    String status,
    String kind,
    String strategy,
    JsonNode currentVersion,
    JsonNode targetVersion,
    Progress progress,
    JsonNode steps,
    ApplicationConfiguration targetConfiguration,
    ApplicationConfiguration currentConfiguration) {

  /** {@code current_version} when the answer has it as a number, else null. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public Long currentVersionNumber() {
    return number(currentVersion);
  }

  /** pending or progressing. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isActive() {
    return "pending".equals(status) || "progressing".equals(status);
  }

  /** {@code target_version} when the answer has it as a number, else null. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public Long targetVersionNumber() {
    return number(targetVersion);
  }

  private static Long number(JsonNode version) {
    if (version == null || version.isNull()) {
      return null;
    }
    if (version.isIntegralNumber()) {
      return version.asLong();
    }
    String text = version.asText("");
    return text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
  }

  /** {@code progress}. */
  public record Progress(
      Integer totalSteps, Integer currentStep, Integer updatedInstances, Integer totalInstances) {}

  /** completed, reverted or replaced. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isFinished() {
    return "completed".equals(status) || "reverted".equals(status) || "replaced".equals(status);
  }
}
