package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code {"type":"durable_object_namespace","name":…,"class_name":…}}; {@code script_name}/{@code
 * environment} bind a class of another Worker; {@code namespace_id} is only in answers (settings,
 * versions).
 */
@JsonPropertyOrder({"type", "name", "class_name", "script_name", "environment", "namespace_id"})
@JsonDeserialize
public record DurableObjectNamespaceBinding(
    String name, String className, String scriptName, String environment, String namespaceId)
    implements WorkerBinding {

  public static final String TYPE = "durable_object_namespace";

  public DurableObjectNamespaceBinding(String name, String className) {
    this(name, className, null, null, null);
  }

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
