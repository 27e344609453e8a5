package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code result} of a Worker upload. {@code deployment_id} is the new version's id. Timestamps
 * are kept as the API's strings.
 */
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
