package io.github.cfcontainers.cloudflare.model;

/**
 * {@code PATCH /accounts/{a}/containers/applications/{id}}: no name, no instances. An image change
 * also needs a rollout ({@link RolloutCreateRequest}).
 */
public record ApplicationPatchRequest(
    ApplicationConfiguration configuration,
    Integer maxInstances,
    ApplicationConstraints constraints,
    String schedulingPolicy,
    Integer rolloutActiveGracePeriod) {}
