package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/** {@link WorkerBindings#read} for data binding (the client itself reads answers without it). */
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
    return WorkerBindings.read(node);
  }
}
