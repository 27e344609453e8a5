package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rollout. {@code status}: pending | progressing | completed | reverted | replaced. {@code current_version} and
 * {@code target_version} are the application's versions before and after (numbers in containers-shared's
 * ApplicationRollout model); {@code target_configuration} is what it rolls out.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rollout(String id, String createdAt, String lastUpdatedAt, String description, String status,
            String kind, String strategy, JsonNode currentVersion, JsonNode targetVersion,
            Progress progress, JsonNode steps, ApplicationConfiguration targetConfiguration) {

  public Rollout(String id, String createdAt, String lastUpdatedAt, String description, String status, String kind,
      String strategy, JsonNode currentVersion, JsonNode targetVersion, Progress progress, JsonNode steps) {
    this(id, createdAt, lastUpdatedAt, description, status, kind, strategy, currentVersion, targetVersion, progress,
        steps, null);
  }

  /** {@code target_version} when the answer has it as a number, else null. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public Long targetVersionNumber() {
    if (targetVersion == null || targetVersion.isNull()) {
      return null;
    }
    if (targetVersion.isIntegralNumber()) {
      return targetVersion.asLong();
    }
    String text = targetVersion.asText("");
    return text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
  }

  /** {@code progress}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
  public record Progress(Integer totalSteps, Integer currentStep, Integer updatedInstances, Integer totalInstances) {
  }

  /** completed, reverted or replaced. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isFinished() {
    return "completed".equals(status) || "reverted".equals(status) || "replaced".equals(status);
  }
}
