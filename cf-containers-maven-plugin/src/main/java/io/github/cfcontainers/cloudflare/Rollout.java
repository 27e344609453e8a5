package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A rollout. {@code status}: pending | progressing | completed | reverted | replaced.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rollout(String id, String createdAt, String lastUpdatedAt, String description, String status,
            String kind, String strategy, JsonNode currentVersion, JsonNode targetVersion,
            Progress progress, JsonNode steps) {

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
