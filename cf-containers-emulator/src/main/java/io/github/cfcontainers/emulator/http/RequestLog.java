package io.github.cfcontainers.emulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin request log. Holds method, path, query, status and a short body summary; never a
 * header.
 */
public final class RequestLog {
  private static final int MAX_ENTRIES = 5000;
  private static final int SUMMARY_CHARS = 300;

  record Entry(
      String time,
      String method,
      String path,
      String query,
      int status,
      long millis,
      String body,
      ObjectNode error) {}

  private final List<Entry> entries = new ArrayList<>();

  /** `{code, message}` of the first error of an error answer (message cut short), or null. */
  static ObjectNode firstError(byte[] body) {
    if (body == null || body.length == 0) return null;
    try {
      com.fasterxml.jackson.databind.JsonNode e = Json.MAPPER.readTree(body).path("errors").path(0);
      if (e.isMissingNode()) return null;
      String m = e.path("message").asText("");
      return Json.object()
          .put("code", e.path("code").asInt())
          .put("message", m.length() <= SUMMARY_CHARS ? m : m.substring(0, SUMMARY_CHARS) + "...");
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  synchronized void add(Request request, int status, long millis, ObjectNode error) {
    if (entries.size() >= MAX_ENTRIES) entries.remove(0);
    entries.add(
        new Entry(
            Json.now(),
            request.method(),
            request.path(),
            request.rawQuery(),
            status,
            millis,
            summary(request),
            error));
  }

  public synchronized void clear() {
    entries.clear();
  }

  public synchronized ArrayNode toJson() {
    ArrayNode out = Json.array();
    for (Entry e : entries) {
      ObjectNode n = out.addObject();
      n.put("time", e.time()).put("method", e.method()).put("path", e.path());
      n.put("query", e.query()).put("status", e.status()).put("ms", e.millis());
      if (e.body() != null) n.put("body", e.body());
      if (e.error() != null) n.set("error", e.error());
    }
    return out;
  }

  /** Writes only: multipart bodies as their part list, JSON cut short. */
  private static String summary(Request request) {
    if (request.method().equals("GET")
        || request.method().equals("HEAD")
        || request.body().length == 0) {
      return null;
    }
    String type = request.header("Content-Type");
    if (type != null && type.toLowerCase().startsWith("multipart/")) {
      try {
        StringBuilder sb = new StringBuilder("multipart:");
        for (Multipart.Part p : Multipart.parse(type, request.body())) {
          sb.append(' ')
              .append(p.name())
              .append('(')
              .append(p.contentType())
              .append(", ")
              .append(p.body().length)
              .append(" B)");
        }
        return sb.toString();
      } catch (RuntimeException e) {
        return "multipart: unparseable, " + request.body().length + " B";
      }
    }
    String text = new String(request.body(), StandardCharsets.UTF_8);
    return text.length() <= SUMMARY_CHARS ? text : text.substring(0, SUMMARY_CHARS) + "...";
  }
}
