package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Lenient parsing of {@code errors[]} and of the containers API's JSON-in-{@code message}. */
final class ApiErrors {

  private ApiErrors() {}

  /**
   * Reads the errors of an answer: the envelope's {@code errors[]}, or a bare {@code
   * {"error":…,"details":…}} body (some containers endpoints answer that way).
   */
  static List<ApiError> fromAnswer(
      JsonNode answer, ObjectMapper mapper, UnaryOperator<String> scrub) {
    List<ApiError> out = new ArrayList<>();
    if (answer == null || !answer.isObject()) {
      return out;
    }
    JsonNode errors = answer.get("errors");
    if (errors != null && errors.isArray()) {
      for (JsonNode e : errors) {
        out.add(fromErrorNode(e, mapper, scrub));
      }
    }
    if (out.isEmpty() && answer.hasNonNull("error")) {
      Map<String, String> details = flatten(answer.get("details"), scrub);
      String name = scrub.apply(answer.get("error").asText());
      out.add(new ApiError(0, name, null, new ApiError.Detail(name, details)));
    }
    return out;
  }

  static List<ApiError> fromErrorsNode(
      JsonNode errors, ObjectMapper mapper, UnaryOperator<String> scrub) {
    List<ApiError> out = new ArrayList<>();
    if (errors != null && errors.isArray()) {
      for (JsonNode e : errors) {
        out.add(fromErrorNode(e, mapper, scrub));
      }
    }
    return out;
  }

  private static ApiError fromErrorNode(
      JsonNode e, ObjectMapper mapper, UnaryOperator<String> scrub) {
    if (e == null || !e.isObject()) {
      return new ApiError(0, e == null ? null : scrub.apply(e.asText()), null, null);
    }
    int code = 0;
    JsonNode c = e.get("code");
    if (c != null && c.canConvertToInt()) {
      code = c.asInt();
    } else if (c != null && c.isTextual()) {
      try {
        code = Integer.parseInt(c.asText().trim());
      } catch (NumberFormatException ignored) {
        code = 0;
      }
    }
    String message = e.hasNonNull("message") ? scrub.apply(e.get("message").asText()) : null;
    String doc = e.hasNonNull("documentation_url") ? e.get("documentation_url").asText() : null;
    return new ApiError(code, message, doc, parseDetail(message, mapper, scrub));
  }

  /** Parses {@code {"error":…,"details":{…}}} out of a message; null when it is not such JSON. */
  static ApiError.Detail parseDetail(
      String message, ObjectMapper mapper, UnaryOperator<String> scrub) {
    if (message == null) {
      return null;
    }
    String trimmed = message.trim();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(trimmed);
      if (node == null || !node.isObject() || !node.hasNonNull("error")) {
        return null;
      }
      return new ApiError.Detail(
          scrub.apply(node.get("error").asText()), flatten(node.get("details"), scrub));
    } catch (Exception notJson) {
      return null;
    }
  }

  private static Map<String, String> flatten(JsonNode details, UnaryOperator<String> scrub) {
    Map<String, String> out = new LinkedHashMap<>();
    if (details == null || details.isNull()) {
      return out;
    }
    if (details.isObject()) {
      details
          .fields()
          .forEachRemaining(
              f ->
                  out.put(
                      f.getKey(),
                      scrub.apply(
                          f.getValue().isValueNode()
                              ? f.getValue().asText()
                              : f.getValue().toString())));
    } else {
      out.put(
          "details", scrub.apply(details.isValueNode() ? details.asText() : details.toString()));
    }
    return out;
  }
}
