package io.github.cfcontainers.cloudflare.model;

/** A container application as the API answers it. */
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
  public record Health(InstanceHealth instances) {}

  /** {@code health.instances}. */
  public record InstanceHealth(
      Integer active, Integer healthy, Integer failed, Integer starting, Integer scheduling) {}

  /** {@code durable_objects.namespace_id}, or null. */
  public String namespaceId() {
    return durableObjects == null ? null : durableObjects.namespaceId();
  }
}
