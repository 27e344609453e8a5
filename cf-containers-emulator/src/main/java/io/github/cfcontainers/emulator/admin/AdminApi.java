package io.github.cfcontainers.emulator.admin;

import static io.github.cfcontainers.emulator.http.Router.Access.NONE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.containers.ApplicationsApi;
import io.github.cfcontainers.emulator.containers.ContainerRunner;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Faults;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.http.RequestLog;
import io.github.cfcontainers.emulator.http.Response;
import io.github.cfcontainers.emulator.http.Router;
import io.github.cfcontainers.emulator.registry.RegistryCredentials;
import io.github.cfcontainers.emulator.registry.RegistryFront;
import io.github.cfcontainers.emulator.state.EmulatorState;
import io.github.cfcontainers.emulator.state.Rollout;
import io.github.cfcontainers.emulator.workers.WorkerRuntime;
import java.util.List;

/**
 * Test-facing admin routes under /__emulator: state, reset, request log, faults. No auth, loopback
 * only.
 */
public final class AdminApi {
  public static final String PREFIX = "/__emulator";

  private final EmulatorState state;
  private final RequestLog log;
  private final Faults faults;
  private final RegistryCredentials credentials;
  private final ContainerRunner runner;
  private final ApplicationsApi applications;
  private final WorkerRuntime workers;
  private final RegistryFront front;

  public AdminApi(
      EmulatorState state,
      RequestLog log,
      Faults faults,
      RegistryCredentials credentials,
      ContainerRunner runner,
      ApplicationsApi applications,
      WorkerRuntime workers,
      RegistryFront front) {
    this.workers = workers;
    this.front = front;
    this.state = state;
    this.log = log;
    this.faults = faults;
    this.credentials = credentials;
    this.runner = runner;
    this.applications = applications;
  }

  public void register(Router r) {
    r.add("GET", "/state", NONE, q -> Response.json(200, snapshot()));
    r.add(
        "POST",
        "/reset",
        NONE,
        q -> {
          reset();
          return Response.json(200, Json.object().put("reset", true));
        });
    r.add("GET", "/requests", NONE, q -> Response.json(200, log.toJson()));
    r.add(
        "DELETE",
        "/requests",
        NONE,
        q -> {
          log.clear();
          return Response.json(200, Json.object().put("cleared", true));
        });
    r.add(
        "POST",
        "/answer-shapes",
        NONE,
        q -> {
          state.answerInstanceType = q.json().path("application_instance_type").asBoolean(true);
          return Response.json(
              200, Json.object().put("application_instance_type", state.answerInstanceType));
        });
    // Small pages for tests of a client's paging; the client's per_page still applies below the
    // cap.
    r.add(
        "POST",
        "/page-size",
        NONE,
        q -> {
          int max = q.json().path("max_per_page").asInt(-1);
          if (max < 0 || max > 1000)
            throw ApiException.invalidInput("max_per_page", "0 (off) or 1..1000");
          state.maxPerPage = max;
          return Response.json(200, Json.object().put("max_per_page", max));
        });
    r.add("GET", "/faults", NONE, q -> Response.json(200, faults.toJson()));
    r.add(
        "POST",
        "/faults",
        NONE,
        q -> {
          faults.add(q.json());
          return Response.json(200, faults.toJson());
        });
    r.add(
        "DELETE",
        "/faults",
        NONE,
        q -> {
          faults.clear();
          return Response.json(200, faults.toJson());
        });
  }

  public void reset() {
    workers.stopAll();
    runner.removeAll();
    credentials.removeAll();
    state.clear();
    log.clear();
    faults.clear();
  }

  private ObjectNode snapshot() {
    ObjectNode n = Json.object();
    synchronized (state) {
      ArrayNode scripts = n.putArray("scripts");
      for (EmulatorState.Script s : state.scripts.values()) scripts.add(Json.MAPPER.valueToTree(s));
      ArrayNode versions = n.putArray("versions");
      for (EmulatorState.Version v : state.versions.values())
        versions.add(Json.MAPPER.valueToTree(v));
      ArrayNode namespaces = n.putArray("namespaces");
      for (EmulatorState.Namespace ns : state.namespaces.values()) {
        namespaces
            .addObject()
            .put("id", ns.id())
            .put("name", ns.name())
            .put("script", ns.script())
            .put("class", ns.className())
            .put("use_sqlite", ns.sqlite())
            .put("use_containers", ns.containers());
      }
      ArrayNode apps = n.putArray("applications");
      for (EmulatorState.Application a : state.applications.values()) {
        ObjectNode o = applications.toJson(a);
        ArrayNode rollouts = o.putArray("rollouts");
        for (Rollout r : state.rollouts.getOrDefault(a.id(), List.of()))
          rollouts.add(r.toJson(runner.instanceCount(a.id())));
        apps.add(o);
      }
    }
    n.set("credentials", credentials.toJson());
    n.set("containers", runner.toJson());
    n.set("worker_runtime", workers.toJson());
    n.set("faults", faults.toJson());
    if (front != null) n.set("registry_gc", front.gcToJson());
    return n;
  }
}
