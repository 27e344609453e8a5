package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /accounts/{a}/workers/scripts/{name}/settings}: the deployed script's bindings,
 * compatibility settings, {@code tags} and {@code annotations} (where a deploy can keep and read
 * back a content hash).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScriptSettings(
    List<WorkerBinding> bindings,
    String compatibilityDate,
    List<String> compatibilityFlags,
    List<String> tags,
    Map<String, String> annotations,
    WorkerObservability observability,
    Boolean logpush,
    String usageModel) {}
