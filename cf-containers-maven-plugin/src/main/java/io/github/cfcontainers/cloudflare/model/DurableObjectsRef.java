package io.github.cfcontainers.cloudflare.model;

/** {@code durable_objects}: {@code {"namespace_id":"<32 hex>"}}. */
public record DurableObjectsRef(String namespaceId) {}
