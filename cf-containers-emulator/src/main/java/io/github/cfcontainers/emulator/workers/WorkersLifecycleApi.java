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
import io.github.cfcontainers.emulator.state.EmulatorState;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Workers routes around an upload that the official CLI calls: deployments, secrets, the
 * Workers-API worker (workers.dev state), references, tails, KV namespaces and deletion. Sources
 * per route in API.md.
 */
public final class WorkersLifecycleApi {
  private static final String A = "/accounts/{account_id}/workers";

  private final EmulatorState state;

  public WorkersLifecycleApi(EmulatorState state) {
    this.state = state;
  }

  public void register(Router r) {
    r.add("GET", A + "/scripts/{script}/deployments", ACCOUNT, q -> deployments(q.param("script")));
    r.add("GET", A + "/scripts/{script}/secrets", ACCOUNT, q -> secrets(q.param("script")));
    r.add("GET", A + "/scripts/{script}/references", ACCOUNT, q -> references(q.param("script")));
    r.add("GET", A + "/workers/{script}", ACCOUNT, q -> worker(q.param("script")));
    r.add("GET", A + "/tails/by-consumer/{script}", ACCOUNT, q -> Response.ok(Json.array()));
    r.add("DELETE", A + "/scripts/{script}", ACCOUNT, this::delete);
    r.add("DELETE", A + "/services/{script}", ACCOUNT, this::delete);
    r.add("GET", "/accounts/{account_id}/storage/kv/namespaces", ACCOUNT, this::kvNamespaces);
  }

  /** Called after every successful upload: the upload endpoint deploys the new version at 100%. */
  static void recordDeployment(EmulatorState state, String script, String versionId) {
    ObjectNode d = Json.object();
    d.put("id", UUID.randomUUID().toString()).put("created_on", Json.now()).put("source", "api");
    d.put("strategy", "percentage").put("author_email", "emulator@example.com");
    d.putArray("versions").addObject().put("version_id", versionId).put("percentage", 100.0);
    d.putObject("annotations").put("workers/triggered_by", "upload");
    state.deployments.computeIfAbsent(script, k -> new ArrayList<>()).add(0, d);
  }

  private EmulatorState.Script script(String name) {
    return WorkersApi.script(state, name);
  }

  /** Newest first: wrangler takes `deployments.at(0)` as the one serving traffic. */
  private Response deployments(String name) {
    synchronized (state) {
      script(name);
      ArrayNode list = Json.array();
      state.deployments.getOrDefault(name, List.of()).forEach(d -> list.add(d.deepCopy()));
      return Response.ok(Json.object().set("deployments", list));
    }
  }

  /** Names and types only: secret values are never answered. */
  private Response secrets(String name) {
    synchronized (state) {
      ArrayNode out = Json.array();
      for (JsonNode b : script(name).bindings()) {
        String type = b.path("type").asText();
        if (type.equals("secret_text") || type.equals("secret_key"))
          out.addObject().put("name", b.path("name").asText()).put("type", type);
      }
      return Response.ok(out);
    }
  }

  /**
   * The Workers API's Worker object (beta `GET /workers/workers/{id}`); wrangler 4.164 reads
   * `.subdomain`.
   */
  private Response worker(String name) {
    synchronized (state) {
      EmulatorState.Script s = script(name);
      ObjectNode n = Json.object();
      n.put("id", s.name())
          .put("name", s.name())
          .put("created_on", s.createdOn())
          .put("updated_on", s.modifiedOn());
      n.put("logpush", false);
      n.set(
          "observability",
          s.observability() == null ? Json.object().put("enabled", false) : s.observability());
      n.putObject("subdomain")
          .put("enabled", s.workersDevEnabled())
          .put("previews_enabled", s.previewsEnabled());
      n.set("tags", s.tags());
      n.set("tail_consumers", Json.array());
      return Response.ok(n);
    }
  }

  /**
   * Who uses this script. `durable_objects` lists every binding (in any script, this one included)
   * to a namespace this script implements; wrangler's delete.ts filters out the script's own
   * (`ref.service !== scriptName`), so the real list holds them.
   */
  private Response references(String name) {
    synchronized (state) {
      script(name);
      return Response.ok(referencesOf(name));
    }
  }

  private ObjectNode referencesOf(String name) {
    ObjectNode n = Json.object();
    ObjectNode services = n.putObject("services");
    ArrayNode incoming = services.putArray("incoming");
    services.putArray("outgoing");
    services.put("pages_function", false);
    ArrayNode dos = n.putArray("durable_objects");
    n.putArray("dispatch_outbounds");
    List<EmulatorState.Namespace> owned = state.namespacesOf(name);
    for (EmulatorState.Script other : state.scripts.values()) {
      for (JsonNode b : other.bindings()) {
        String type = b.path("type").asText();
        if (type.equals("service") && name.equals(b.path("service").asText())) {
          incoming
              .addObject()
              .put("name", b.path("name").asText())
              .put("service", other.name())
              .put("environment", "production");
        }
        if (!type.equals("durable_object_namespace")) continue;
        for (EmulatorState.Namespace ns : owned) {
          if (ns.id().equals(b.path("namespace_id").asText())) {
            dos.addObject()
                .put("name", b.path("name").asText())
                .put("service", other.name())
                .put("environment", "production")
                .put("durable_object_namespace_id", ns.id())
                .put("durable_object_namespace_name", ns.name());
          }
        }
      }
    }
    return n;
  }

  /**
   * Public schema of DELETE /workers/scripts/{name}: `force` "If set to true, delete will not be
   * stopped by associated service binding, durable object, or other binding". So without it a
   * delete is stopped only by OTHER Workers' bindings; the script's own namespaces go with it
   * (wrangler's delete.ts sends force=false for such a Worker). Applications are NOT deleted.
   */
  private Response delete(Request q) {
    String name = q.param("script");
    synchronized (state) {
      script(name);
      if (!"true".equals(q.query().get("force"))) {
        ObjectNode refs = referencesOf(name);
        List<String> users = new ArrayList<>();
        refs.path("services")
            .path("incoming")
            .forEach(r -> users.add(r.path("service").asText() + " (service binding)"));
        refs.path("durable_objects")
            .forEach(
                r -> {
                  if (!r.path("service").asText().equals(name))
                    users.add(r.path("service").asText() + " (Durable Object binding)");
                });
        if (!users.isEmpty()) {
          throw new ApiException(
              400,
              10064,
              "Worker '"
                  + name
                  + "' is used by other Workers: "
                  + String.join(", ", users)
                  + "; delete it with ?force=true");
        }
      }
      state.namespacesOf(name).forEach(n -> state.namespaces.remove(n.id()));
      state.scripts.remove(name);
      state.versions.values().removeIf(v -> v.script().equals(name));
      state.modules.keySet().retainAll(state.versions.keySet());
      state.deployments.remove(name);
    }
    return Response.ok(null);
  }

  /**
   * No KV support: an empty, paged list (public schema: items {id, title, supports_url_encoding}).
   */
  private Response kvNamespaces(Request q) {
    int page = Integer.parseInt(q.query().getOrDefault("page", "1"));
    int perPage = Integer.parseInt(q.query().getOrDefault("per_page", "20"));
    ObjectNode env = Json.envelope(Json.array());
    env.putObject("result_info")
        .put("page", page)
        .put("per_page", perPage)
        .put("count", 0)
        .put("total_count", 0)
        .put("total_pages", 0);
    return Response.json(200, env);
  }
}
