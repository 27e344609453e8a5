package io.github.cfcontainers.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Jackson in one place, plus the v4 envelope shapes. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  public static JsonNode parse(byte[] body, String what) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) throw new IOException("empty body");
      return node;
    } catch (IOException e) {
      throw new ApiException(400, 10002, "Could not parse " + what + " as JSON: " + e.getMessage());
    }
  }

  public static ObjectNode envelope(JsonNode result) {
    ObjectNode env = object();
    env.put("success", true);
    env.set("errors", array());
    env.set("messages", array());
    env.set("result", result);
    return env;
  }

  static ObjectNode errorEnvelope(int code, String message) {
    ObjectNode env = object();
    env.put("success", false);
    ArrayNode errors = env.putArray("errors");
    errors.addObject().put("code", code).put("message", message);
    env.set("messages", array());
    env.putNull("result");
    return env;
  }

  public static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
