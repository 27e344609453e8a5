package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A binding in a Worker's metadata/settings. Typed forms for what the deploy sends; {@link
 * GenericBinding} carries any other type ({@code kv_namespace}, {@code r2_bucket}, {@code d1},
 * {@code service}, …) as a map.
 */
@JsonDeserialize(using = WorkerBindingDeserializer.class)
public sealed interface WorkerBinding
    permits DurableObjectNamespaceBinding, PlainTextBinding, SecretTextBinding, GenericBinding {

  /** The binding's {@code type}. */
  String type();

  /** The binding's {@code name} (the variable in {@code env}). */
  String name();
}
