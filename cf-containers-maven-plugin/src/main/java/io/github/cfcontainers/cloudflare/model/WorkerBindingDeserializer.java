package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a binding by its {@code type}; unknown types become {@link GenericBinding}. */
final class WorkerBindingDeserializer extends StdDeserializer<WorkerBinding> {

  private static final long serialVersionUID = 1L;

  WorkerBindingDeserializer() {
    super(WorkerBinding.class);
  }

  @Override
  public WorkerBinding deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode node = p.readValueAsTree();
    if (node == null || !node.isObject()) {
      return (WorkerBinding) ctxt.handleUnexpectedToken(WorkerBinding.class, p);
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
            props.put(e.getKey(), ctxt.readTreeAsValue(e.getValue(), Object.class));
          }
        }
        return new GenericBinding(type, name, props);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
