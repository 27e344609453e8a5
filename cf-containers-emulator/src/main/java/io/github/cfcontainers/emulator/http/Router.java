package io.github.cfcontainers.emulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps method + path template (segments like {account_id}) to handlers. */
public final class Router {
  /** What a route needs from auth before its handler runs. */
  public enum Access {
    NONE,
    TOKEN,
    ACCOUNT,
    CONTAINERS
  }

  public interface Handler {
    Response handle(Request request);
  }

  record Route(String method, String[] segments, Access access, Handler handler) {}

  record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();

  public Router add(String method, String template, Access access, Handler handler) {
    routes.add(new Route(method, split(template), access, handler));
    return this;
  }

  /**
   * The matching route, or an ApiException: 7003 for an unknown path, 405 for a known path and
   * wrong method.
   */
  Match match(String method, String path) {
    String[] parts = split(path);
    boolean pathKnown = false;
    for (Route r : routes) {
      Map<String, String> params = bind(r.segments, parts);
      if (params == null) continue;
      pathKnown = true;
      if (r.method.equals(method)) return new Match(r, params);
    }
    if (pathKnown) throw new ApiException(405, 10405, "Method not allowed");
    throw ApiException.noRoute(path);
  }

  private static Map<String, String> bind(String[] template, String[] parts) {
    if (template.length != parts.length) return null;
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (parts[i].isEmpty()) return null;
        params.put(t.substring(1, t.length() - 1), parts[i]);
      } else if (!t.equals(parts[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }
}
