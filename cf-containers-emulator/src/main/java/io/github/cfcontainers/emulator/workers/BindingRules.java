package io.github.cfcontainers.emulator.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.state.EmulatorState;
import io.github.cfcontainers.emulator.workers.DurableObjectClasses.Draft;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The binding rules of a Worker upload: each binding's type, name and required field; Durable
 * Object bindings resolved to this script's classes or another script's namespaces; keep_bindings;
 * and the secret_text values the local runtime gets (never stored in an answer).
 */
final class BindingRules {
  private static final Map<String, String> REQUIRED_BINDING_FIELD =
      Map.of(
          "plain_text",
          "text",
          "secret_text",
          "text",
          "kv_namespace",
          "namespace_id",
          "r2_bucket",
          "bucket_name",
          "d1",
          "id",
          "service",
          "service",
          "durable_object_namespace",
          "class_name");

  private BindingRules() {}

  /** Checks every binding's type, name and required field; answers the bound names. */
  static Set<String> check(ArrayNode bindings) {
    Set<String> bindingNames = new HashSet<>();
    for (JsonNode b : bindings) {
      String type = b.path("type").asText(null);
      String name = b.path("name").asText(null);
      if (type == null || name == null || name.isEmpty())
        throw ApiException.validation("Every binding needs type and name");
      if (!bindingNames.add(name))
        throw ApiException.validation("Duplicate binding name '" + name + "'");
      String required = REQUIRED_BINDING_FIELD.get(type);
      if (required != null && !b.path(required).isTextual()) {
        throw ApiException.validation(
            "Binding '" + name + "' of type " + type + " needs '" + required + "'");
      }
    }

    return bindingNames;
  }

  /**
   * The bindings as stored: secret values dropped, Durable Object bindings given their namespace id
   * (this script's drafts, or another script's namespaces via script_name).
   */
  static ArrayNode resolve(
      EmulatorState state, String scriptName, ArrayNode bindings, Map<String, Draft> drafts) {
    ArrayNode resolved = Json.array();
    for (JsonNode b : bindings) {
      ObjectNode copy = ((ObjectNode) b).deepCopy();
      // Secret values are write-only on the real API: never kept, never answered.
      if (b.path("type").asText().startsWith("secret")) copy.remove("text");
      if ("durable_object_namespace".equals(b.path("type").asText())) {
        String className = b.path("class_name").asText();
        String otherScript = b.path("script_name").asText(null);
        String namespaceId;
        if (otherScript == null || otherScript.equals(scriptName)) {
          Draft d = drafts.get(className);
          if (d == null) {
            throw ApiException.validation(
                "Cannot create binding for class '"
                    + className
                    + "' because it is not currently configured to implement Durable Objects. "
                    + "Did you forget to apply a Durable Object migration?");
          }
          namespaceId = d.id();
        } else {
          EmulatorState.Namespace other = findNamespace(state, otherScript, className);
          if (other == null) {
            throw ApiException.validation(
                "Binding '"
                    + b.path("name").asText()
                    + "' refers to class '"
                    + className
                    + "' of Worker '"
                    + otherScript
                    + "', which has no such Durable Object");
          }
          namespaceId = other.id();
        }
        copy.put("namespace_id", namespaceId);
      }
      resolved.add(copy);
    }
    return resolved;
  }

  /** Adds what keep_bindings keeps of the previous version's bindings to {@code resolved}. */
  static void keep(
      ArrayNode resolved,
      EmulatorState.Script current,
      Set<String> keepTypes,
      Set<String> bindingNames,
      Map<String, Draft> drafts) {
    // keep_bindings: bindings of the listed types that this upload does not name again survive
    // from the previous version (reference §3.1: how secrets set out of band outlive a deploy).
    if (current != null) {
      for (JsonNode old : current.bindings()) {
        String type = old.path("type").asText();
        boolean keep =
            keepTypes.contains(type) && !bindingNames.contains(old.path("name").asText());
        boolean gone =
            "durable_object_namespace".equals(type)
                && !old.hasNonNull("script_name")
                && drafts.values().stream()
                    .noneMatch(d -> d.id().equals(old.path("namespace_id").asText()));
        if (keep && !gone) resolved.add(old.deepCopy());
      }
    }
  }

  private static EmulatorState.Namespace findNamespace(
      EmulatorState state, String script, String className) {
    for (EmulatorState.Namespace n : state.namespacesOf(script))
      if (n.className().equals(className)) return n;
    return null;
  }

  /**
   * The values of the version's secret_text bindings: sent with this upload, else kept from the
   * previous version (keep_bindings). For the local runtime only.
   */
  static Map<String, String> secretValues(
      JsonNode sent, ArrayNode resolved, Map<String, String> previous) {
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonNode b : resolved) {
      if (!"secret_text".equals(b.path("type").asText())) continue;
      String name = b.path("name").asText();
      String text = null;
      for (JsonNode s : sent) {
        if ("secret_text".equals(s.path("type").asText()) && name.equals(s.path("name").asText())) {
          text = s.path("text").asText(null);
        }
      }
      if (text == null) text = previous.get(name);
      if (text != null) values.put(name, text);
    }
    return Map.copyOf(values);
  }
}
