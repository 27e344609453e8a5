package io.github.cfcontainers.cloudflare;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One entry of the envelope's {@code errors[]}.
 *
 * @param code {@code errors[].code} (0 when absent)
 * @param message {@code errors[].message} as sent
 * @param documentationUrl {@code errors[].documentation_url}, may be null
 * @param detail the {@code {"error": …, "details": {…}}} JSON the containers API puts in {@code
 *     message}, parsed; null when the message is plain text
 */
public record ApiError(int code, String message, String documentationUrl, Detail detail)
    implements Serializable {

  /**
   * The structured error the containers API embeds in {@code message}.
   *
   * @param error e.g. {@code DURABLE_OBJECT_ALREADY_HAS_APPLICATION}
   * @param details the {@code details} object, flattened to text values in document order (may be
   *     empty)
   */
  public record Detail(String error, Map<String, String> details) implements Serializable {
    public Detail {
      details =
          details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    String describe() {
      String base = error == null ? "(no error name)" : error;
      if (details.isEmpty()) {
        return base;
      }
      return base
          + " ("
          + details.entrySet().stream()
              .map(e -> e.getKey() + ": " + e.getValue())
              .collect(Collectors.joining(", "))
          + ")";
    }
  }

  /**
   * Human text: the parsed {@code error (k: v, …)} when there is one, else the message; plus the
   * code.
   */
  public String describe() {
    String text =
        detail != null
            ? detail.describe()
            : (message == null || message.isBlank() ? "(no message)" : message);
    return code != 0 ? text + " [code " + code + "]" : text;
  }
}
