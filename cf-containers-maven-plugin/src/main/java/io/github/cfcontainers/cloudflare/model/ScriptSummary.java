package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** An item of {@code GET /accounts/{a}/workers/scripts}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScriptSummary(
    String id,
    String etag,
    String migrationTag,
    String createdOn,
    String modifiedOn,
    String compatibilityDate,
    List<String> handlers,
    List<String> tags,
    Boolean hasModules,
    String usageModel) {}
