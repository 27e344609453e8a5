package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /accounts/{a}/containers/applications}. Durable-Object-driven applications send
 * {@code instances: 0}. {@code scheduling_policy}: default | moon | regional (the API also knows
 * gpu, fill_metals).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationCreateRequest(
    String name,
    String schedulingPolicy,
    Integer instances,
    Integer maxInstances,
    ApplicationConfiguration configuration,
    ApplicationConstraints constraints,
    DurableObjectsRef durableObjects,
    Integer rolloutActiveGracePeriod) {}
