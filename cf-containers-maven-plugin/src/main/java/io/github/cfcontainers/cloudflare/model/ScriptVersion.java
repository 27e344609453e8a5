package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /accounts/{a}/workers/scripts/{name}/versions/{version_id}}. Its {@code
 * resources.bindings} carry the {@code namespace_id} of each Durable Object binding ({@link
 * #durableObjectNamespaceId(String)}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScriptVersion(String id, Integer number, JsonNode metadata, Resources resources) {

  /** {@code resources}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Resources(List<WorkerBinding> bindings, JsonNode script, JsonNode scriptRuntime) {}

  /**
   * The namespace id of the {@code durable_object_namespace} binding whose {@code class_name} is
   * {@code className}.
   */
  public Optional<String> durableObjectNamespaceId(String className) {
    if (resources == null || resources.bindings() == null) {
      return Optional.empty();
    }
    return resources.bindings().stream()
        .filter(DurableObjectNamespaceBinding.class::isInstance)
        .map(DurableObjectNamespaceBinding.class::cast)
        .filter(
            b ->
                className.equals(b.className())
                    && b.scriptName() == null
                    && b.namespaceId() != null)
        .map(DurableObjectNamespaceBinding::namespaceId)
        .findFirst();
  }
}
