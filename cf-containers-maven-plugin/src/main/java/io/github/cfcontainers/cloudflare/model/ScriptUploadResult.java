package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import java.util.List;

/**
 * The {@code result} of a Worker upload. {@code deployment_id} is the version id (use it with
 * {@link CloudflareApi#getScriptVersion(String, String)}). Timestamps are kept as the API's
 * strings.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScriptUploadResult(
    String id,
    String etag,
    String deploymentId,
    String migrationTag,
    String compatibilityDate,
    List<String> compatibilityFlags,
    List<String> handlers,
    JsonNode namedHandlers,
    String createdOn,
    String modifiedOn,
    Integer startupTimeMs,
    List<String> tags,
    Boolean hasModules,
    String usageModel) {}
