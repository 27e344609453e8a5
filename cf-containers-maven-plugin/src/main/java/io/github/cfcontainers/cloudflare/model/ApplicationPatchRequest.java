package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code PATCH /accounts/{a}/containers/applications/{id}}: no name, no instances. An image change
 * also needs a rollout ({@link RolloutCreateRequest}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationPatchRequest(
    ApplicationConfiguration configuration,
    Integer maxInstances,
    ApplicationConstraints constraints,
    String schedulingPolicy,
    Integer rolloutActiveGracePeriod) {}
