package io.github.cfcontainers.emulator.workers;

import static io.github.cfcontainers.emulator.http.Router.Access.ACCOUNT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.http.Request;
import io.github.cfcontainers.emulator.http.Response;
import io.github.cfcontainers.emulator.http.Router;
import io.github.cfcontainers.emulator.state.EmulatorConfig;
import io.github.cfcontainers.emulator.state.EmulatorState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Workers routes: scripts, versions, services, settings, namespaces, subdomains. */
public final class WorkersApi {
  private static final String A = "/accounts/{account_id}/workers";

  private final EmulatorState state;
  private final EmulatorConfig config;

  public WorkersApi(EmulatorState state, EmulatorConfig config) {
    this.state = state;
    this.config = config;
  }

  public void register(Router r) {
    r.add("PUT", A + "/scripts/{script}", ACCOUNT, this::upload);
    r.add("GET", A + "/scripts", ACCOUNT, q -> listScripts());
    r.add("GET", A + "/scripts/{script}/settings", ACCOUNT, q -> settings(q.param("script")));
    r.add(
        "GET",
        A + "/scripts/{script}/versions/{version}",
        ACCOUNT,
        q -> version(q.param("script"), q.param("version")));
    r.add(
        "GET", A + "/scripts/{script}/subdomain", ACCOUNT, q -> scriptSubdomain(q.param("script")));
    r.add("POST", A + "/scripts/{script}/subdomain", ACCOUNT, this::setScriptSubdomain);
    r.add("GET", A + "/services/{script}", ACCOUNT, q -> service(q.param("script")));
    r.add("GET", A + "/subdomain", ACCOUNT, q -> accountSubdomain());
    r.add("GET", A + "/durable_objects/namespaces", ACCOUNT, this::listNamespaces);
  }

  /** The upload deploys the new version at once (no --x-versions here): record that deployment. */
  private Response upload(Request q) {
    synchronized (state) {
      ObjectNode result =
          ScriptUpload.apply(state, q.param("script"), q.header("Content-Type"), q.body());
      WorkersLifecycleApi.recordDeployment(
          state, q.param("script"), result.path("deployment_id").asText());
      return Response.ok(result);
    }
  }

  static ObjectNode uploadResult(EmulatorState.Script s) {
    ObjectNode n = scriptSummary(s);
    n.put("deployment_id", s.latestVersionId());
    n.put("startup_time_ms", 7);
    n.set("named_handlers", Json.array());
    return n;
  }

  private static ObjectNode scriptSummary(EmulatorState.Script s) {
    ObjectNode n = Json.object();
    n.put("id", s.name()).put("etag", s.etag());
    if (s.migrationTag() == null) n.putNull("migration_tag");
    else n.put("migration_tag", s.migrationTag());
    n.put("compatibility_date", s.compatibilityDate());
    n.set("compatibility_flags", s.compatibilityFlags());
    n.set("handlers", s.handlers());
    n.put("created_on", s.createdOn()).put("modified_on", s.modifiedOn());
    n.put("has_modules", true).put("usage_model", "standard");
    n.set("tags", s.tags());
    return n;
  }

  private Response listScripts() {
    ArrayNode out = Json.array();
    synchronized (state) {
      state.scripts.values().forEach(s -> out.add(scriptSummary(s)));
    }
    return Response.ok(out);
  }

  private EmulatorState.Script script(String name) {
    return script(state, name);
  }

  /** The script named so, or the 404/10007 every {@code workers/scripts/{name}} read answers. */
  static EmulatorState.Script script(EmulatorState state, String name) {
    EmulatorState.Script s = state.scripts.get(name);
    if (s == null)
      throw new ApiException(
          404, 10007, "This Worker (" + name + ") does not exist on your account.");
    return s;
  }

  private Response settings(String name) {
    synchronized (state) {
      EmulatorState.Script s = script(name);
      ObjectNode n = Json.object();
      ArrayNode bindings = Json.array();
      for (JsonNode b : s.bindings()) {
        bindings.add(b.deepCopy());
      }
      n.set("bindings", bindings);
      n.put("compatibility_date", s.compatibilityDate());
      n.set("compatibility_flags", s.compatibilityFlags());
      n.set("tags", s.tags());
      n.set("annotations", s.annotations());
      n.set(
          "observability",
          s.observability() == null ? Json.object().put("enabled", false) : s.observability());
      n.put("logpush", false).put("usage_model", "standard");
      n.set("placement", Json.object());
      n.set("tail_consumers", Json.array());
      return Response.ok(n);
    }
  }

  private Response version(String scriptName, String versionId) {
    synchronized (state) {
      script(scriptName);
      EmulatorState.Version v = state.versions.get(versionId);
      if (v == null || !v.script().equals(scriptName)) {
        throw new ApiException(404, 100146, "Worker version " + versionId + " not found");
      }
      ObjectNode n = Json.object();
      n.put("id", v.id()).put("number", v.number()).put("created_on", v.createdOn());
      ObjectNode metadata = n.putObject("metadata");
      metadata
          .put("created_on", v.createdOn())
          .put("modified_on", v.createdOn())
          .put("source", "api");
      n.set("annotations", v.annotations());
      ObjectNode resources = n.putObject("resources");
      resources.set("bindings", v.bindings());
      ObjectNode scriptNode = resources.putObject("script");
      scriptNode.put("etag", v.etag()).set("handlers", v.handlers());
      scriptNode.put("last_deployed_from", "api");
      ObjectNode runtime = resources.putObject("script_runtime");
      runtime
          .put("compatibility_date", v.compatibilityDate())
          .set("compatibility_flags", v.compatibilityFlags());
      runtime.put("usage_model", "standard");
      n.put("main_module", v.mainModule());
      return Response.ok(n);
    }
  }

  private Response service(String name) {
    synchronized (state) {
      EmulatorState.Script s = state.scripts.get(name);
      if (s == null)
        throw new ApiException(404, 10090, "This Worker does not exist on your account.");
      ObjectNode n = Json.object();
      n.put("id", s.name()).put("created_on", s.createdOn()).put("modified_on", s.modifiedOn());
      ObjectNode env = n.putObject("default_environment");
      env.put("environment", "production")
          .put("created_on", s.createdOn())
          .put("modified_on", s.modifiedOn());
      env.set("script", scriptSummary(s));
      return Response.ok(n);
    }
  }

  private Response accountSubdomain() {
    if (config.workersDevSubdomain() == null) {
      throw new ApiException(
          404, 10007, "This account does not have a workers.dev subdomain. Register one first.");
    }
    return Response.ok(Json.object().put("subdomain", config.workersDevSubdomain()));
  }

  private Response scriptSubdomain(String name) {
    synchronized (state) {
      EmulatorState.Script s = script(name);
      return Response.ok(
          Json.object()
              .put("enabled", s.workersDevEnabled())
              .put("previews_enabled", s.previewsEnabled()));
    }
  }

  private Response setScriptSubdomain(Request q) {
    JsonNode body = q.json();
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("enabled") && !f.equals("previews_enabled"))
        throw ApiException.validation("Unknown field '" + f + "'");
    }
    if (!body.path("enabled").isBoolean())
      throw ApiException.validation("'enabled' (boolean) is required");
    if (body.has("previews_enabled") && !body.get("previews_enabled").isBoolean()) {
      throw ApiException.validation("'previews_enabled' must be a boolean");
    }
    boolean enabled = body.get("enabled").asBoolean();
    if (enabled && config.workersDevSubdomain() == null) {
      throw new ApiException(
          400, 10007, "This account does not have a workers.dev subdomain. Register one first.");
    }
    synchronized (state) {
      EmulatorState.Script s = script(q.param("script"));
      boolean previews = body.path("previews_enabled").asBoolean(s.previewsEnabled());
      state.scripts.put(s.name(), s.withSubdomain(enabled, previews));
      return Response.ok(Json.object().put("enabled", enabled).put("previews_enabled", previews));
    }
  }

  /** Paged as the real API: default 20 per page, at most 1000. */
  private Response listNamespaces(Request q) {
    int perPage = intParam(q, "per_page", 20);
    int page = intParam(q, "page", 1);
    if (perPage < 1 || perPage > 1000 || page < 1)
      throw ApiException.validation("per_page must be 1..1000 and page >= 1");
    if (state.maxPerPage > 0) perPage = Math.min(perPage, state.maxPerPage);
    List<EmulatorState.Namespace> all;
    synchronized (state) {
      all = new ArrayList<>(state.namespaces.values());
    }
    ArrayNode items = Json.array();
    int from = (page - 1) * perPage;
    for (int i = from; i < Math.min(all.size(), from + perPage); i++) {
      EmulatorState.Namespace n = all.get(i);
      ObjectNode o = items.addObject();
      o.put("id", n.id())
          .put("name", n.name())
          .put("script", n.script())
          .put("class", n.className());
      // Public schema (workers durable_objects namespace): {id, name, script, class, use_sqlite};
      // nothing
      // says whether a namespace is container-enabled, so nothing here does either.
      o.put("use_sqlite", n.sqlite());
    }
    ObjectNode env = Json.envelope(items);
    env.putObject("result_info")
        .put("page", page)
        .put("per_page", perPage)
        .put("count", items.size())
        .put("total_count", all.size());
    return Response.json(200, env);
  }

  private static int intParam(Request q, String name, int dflt) {
    String v = q.query().get(name);
    if (v == null) return dflt;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.validation("'" + name + "' must be an integer");
    }
  }
}
