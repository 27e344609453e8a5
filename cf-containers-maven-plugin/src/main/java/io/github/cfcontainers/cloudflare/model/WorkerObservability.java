package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code observability}: {@code {"enabled": true}} (container logs follow it); {@code
 * head_sampling_rate} optional.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerObservability(Boolean enabled, Double headSamplingRate) {

  public static WorkerObservability enabled(boolean enabled) {
    return new WorkerObservability(enabled, null);
  }
}
