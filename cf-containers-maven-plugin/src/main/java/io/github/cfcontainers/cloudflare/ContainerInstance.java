package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An item of {@code GET …/applications/{id}/instances-v2}. Only a few fields are typed; {@code state} is kept as
 * JSON because its shape is not settled.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerInstance(String id, String createdAt, String location, Integer appVersion,
                String durableObjectId, JsonNode state) {
}
