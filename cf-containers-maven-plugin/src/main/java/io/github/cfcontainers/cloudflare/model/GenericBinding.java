package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Any binding type without a typed form, e.g. {@code new GenericBinding("kv_namespace", "CACHE",
 * Map.of("namespace_id", "…"))}. {@code properties} holds every field other than {@code type} and
 * {@code name}, with their JSON names.
 */
public record GenericBinding(String type, String name, Map<String, Object> properties)
    implements WorkerBinding {

  public GenericBinding {
    Objects.requireNonNull(type, "type");
    properties =
        properties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  @JsonValue
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    if (name != null) {
      json.put("name", name);
    }
    properties.forEach(
        (k, v) -> {
          if (!"type".equals(k) && !"name".equals(k)) {
            json.put(k, v);
          }
        });
    return json;
  }
}
