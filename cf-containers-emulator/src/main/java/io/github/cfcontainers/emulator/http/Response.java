package io.github.cfcontainers.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, headers, body bytes. */
public record Response(int status, Map<String, String> headers, byte[] body) {

  public static Response ok(JsonNode result) {
    return json(200, Json.envelope(result));
  }

  public static Response json(int status, JsonNode body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    return new Response(status, h, Json.bytes(body));
  }

  static Response error(ApiException e) {
    Response r = json(e.status, Json.errorEnvelope(e.code, e.getMessage()));
    r.headers().putAll(e.headers);
    return r;
  }
}
