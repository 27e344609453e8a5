package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An item of {@code GET /accounts/{a}/workers/durable_objects/namespaces}. The public schema is
 * {@code {id, name, script, class, use_sqlite}}, every field optional; {@code use_containers} is
 * read when present (the emulator sends it) but nothing may depend on it.
 */
public record DurableObjectNamespace(
    String id,
    String name,
    String script,
    @JsonProperty("class") String className,
    Boolean useSqlite,
    Boolean useContainers) {}
