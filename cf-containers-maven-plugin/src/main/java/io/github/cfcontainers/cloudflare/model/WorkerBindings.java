package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** A binding read by its {@code type}; unknown types become {@link GenericBinding}. */
public final class WorkerBindings {

  private WorkerBindings() {}

  /**
   * @param node the binding's JSON object
   * @throws IOException when it is not an object
   */
  public static WorkerBinding read(JsonNode node) throws IOException {
    if (node == null || !node.isObject()) {
      throw new IOException(
          "a binding must be a JSON object, not "
              + (node == null ? "nothing" : node.getNodeType()));
    }
    String type = text(node, "type");
    String name = text(node, "name");
    if (type == null) {
      type = "";
    }
    switch (type) {
      case DurableObjectNamespaceBinding.TYPE:
        return new DurableObjectNamespaceBinding(
            name,
            text(node, "class_name"),
            text(node, "script_name"),
            text(node, "environment"),
            text(node, "namespace_id"));
      case PlainTextBinding.TYPE:
        return new PlainTextBinding(name, text(node, "text"));
      case SecretTextBinding.TYPE:
        return new SecretTextBinding(name, text(node, "text"));
      default:
        Map<String, Object> props = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
          var e = fields.next();
          if (!"type".equals(e.getKey()) && !"name".equals(e.getKey())) {
            props.put(e.getKey(), natural(e.getValue()));
          }
        }
        return new GenericBinding(type, name, props);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** A tree as data binding reads it into {@code Object}: maps, lists, strings, numbers. */
  private static Object natural(JsonNode node) {
    if (node.isObject()) {
      var map = new LinkedHashMap<String, Object>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), natural(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      var list = new ArrayList<Object>();
      node.forEach(item -> list.add(natural(item)));
      return list;
    }
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    return node.asText();
  }
}
