package io.github.cfcontainers.cloudflare.model;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /accounts/{a}/workers/scripts/{name}/settings}: the deployed script's bindings,
 * compatibility settings, {@code tags} and {@code annotations} (where a deploy can keep and read
 * back a content hash).
 */
public record ScriptSettings(
    List<WorkerBinding> bindings,
    String compatibilityDate,
    List<String> compatibilityFlags,
    List<String> tags,
    Map<String, String> annotations,
    WorkerObservability observability,
    Boolean logpush,
    String usageModel) {}
