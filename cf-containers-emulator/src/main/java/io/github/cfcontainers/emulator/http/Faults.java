package io.github.cfcontainers.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Injected failures for API calls, for the next N requests matching method and a path regex: a
 * status (with Retry-After), a delay, or a dropped connection. {@code when} says whether the delay
 * or drop happens before the request is acted on (default) or after: "after" executes the request
 * (state changes) and then drops the connection or answers late. Test-only: Cloudflare has no such
 * switch, but real networks lose answers to requests that were carried out.
 */
public final class Faults {
  private static final Set<String> FIELDS =
      Set.of(
          "method",
          "path",
          "times",
          "status",
          "retryAfter",
          "delayMillis",
          "drop",
          "when",
          "code",
          "message");

  static final class Fault {
    final String method;
    final Pattern path;
    int remaining;
    final int status;
    final String retryAfter;
    final long delayMillis;
    final boolean drop;

    /** True: act first, then delay/drop ("when":"after"). */
    final boolean after;

    final int code;
    final String message;
    final String pathText;

    Fault(JsonNode spec) {
      for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!FIELDS.contains(f)) throw new ApiException(400, 10021, "unknown fault field: " + f);
      }
      method = spec.path("method").asText(null);
      pathText = spec.path("path").asText(".*");
      path = Pattern.compile(pathText);
      remaining = spec.path("times").asInt(1);
      status = spec.path("status").asInt(0);
      retryAfter =
          spec.path("retryAfter").isMissingNode() ? null : spec.path("retryAfter").asText();
      delayMillis = spec.path("delayMillis").asLong(0);
      drop = spec.path("drop").asBoolean(false);
      String when = spec.path("when").asText("before");
      if (!when.equals("before") && !when.equals("after")) {
        throw new ApiException(400, 10021, "fault when must be before or after: " + when);
      }
      after = when.equals("after");
      code = spec.path("code").asInt(defaultCode(status));
      message = spec.path("message").asText(status == 429 ? "Rate limited" : "Injected failure");
      if (status == 0 && !drop && delayMillis == 0) {
        throw new ApiException(400, 10021, "a fault needs status, drop or delayMillis");
      }
      if (after && status > 0) {
        // Acting and then answering an injected status would lie about the outcome.
        throw new ApiException(400, 10021, "when=after goes with drop or delayMillis, not status");
      }
    }

    private static int defaultCode(int status) {
      return status == 429 ? 971 : status >= 500 ? 10013 : 10000;
    }

    ObjectNode toJson() {
      ObjectNode n = Json.object();
      n.put("method", method)
          .put("path", pathText)
          .put("remaining", remaining)
          .put("status", status);
      n.put("retryAfter", retryAfter).put("delayMillis", delayMillis).put("drop", drop);
      n.put("when", after ? "after" : "before").put("code", code);
      return n;
    }
  }

  private final List<Fault> faults = new ArrayList<>();

  public synchronized void add(JsonNode spec) {
    faults.add(new Fault(spec));
  }

  public synchronized void clear() {
    faults.clear();
  }

  /** The first live fault for this request, consuming one of its uses. */
  synchronized Fault take(String method, String path) {
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (f.method != null && !f.method.equalsIgnoreCase(method)) continue;
      if (!f.path.matcher(path).find()) continue;
      if (--f.remaining <= 0) it.remove();
      return f;
    }
    return null;
  }

  public synchronized ArrayNode toJson() {
    ArrayNode out = Json.array();
    faults.forEach(f -> out.add(f.toJson()));
    return out;
  }
}
