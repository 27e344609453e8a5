package io.github.cfcontainers.cloudflare.model;

/**
 * {@code POST /accounts/{a}/containers/applications}. Durable-Object-driven applications send
 * {@code instances: 0}. {@code scheduling_policy}: default | moon | regional (the API also knows
 * gpu, fill_metals).
 */
public record ApplicationCreateRequest(
    String name,
    String schedulingPolicy,
    Integer instances,
    Integer maxInstances,
    ApplicationConfiguration configuration,
    ApplicationConstraints constraints,
    DurableObjectsRef durableObjects,
    Integer rolloutActiveGracePeriod) {}
