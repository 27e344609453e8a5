package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A container application as the API answers it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Application(
    String id,
    String name,
    Integer version,
    String createdAt,
    String accountId,
    String schedulingPolicy,
    Integer instances,
    Integer maxInstances,
    ApplicationConfiguration configuration,
    ApplicationConstraints constraints,
    DurableObjectsRef durableObjects,
    String activeRolloutId,
    Health health,
    Integer rolloutActiveGracePeriod) {

  /** {@code health}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Health(InstanceHealth instances) {}

  /** {@code health.instances}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record InstanceHealth(
      Integer active, Integer healthy, Integer failed, Integer starting, Integer scheduling) {}

  /** {@code durable_objects.namespace_id}, or null. */
  public String namespaceId() {
    return durableObjects == null ? null : durableObjects.namespaceId();
  }
}
