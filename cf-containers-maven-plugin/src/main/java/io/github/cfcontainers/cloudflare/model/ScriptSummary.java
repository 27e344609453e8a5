package io.github.cfcontainers.cloudflare.model;

import java.util.List;

/** An item of {@code GET /accounts/{a}/workers/scripts}. */
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
