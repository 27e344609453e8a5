package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /accounts/{a}/workers/scripts/{name}/versions/{version_id}}. Its {@code
 * resources.bindings} carry the {@code namespace_id} of each Durable Object binding ({@link
 * #durableObjectNamespaceId(String)}).
 */
public record ScriptVersion(String id, Integer number, JsonNode metadata, Resources resources) {

  /** {@code resources}. */
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
