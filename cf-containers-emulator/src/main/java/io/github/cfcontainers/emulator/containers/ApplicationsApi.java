package io.github.cfcontainers.emulator.containers;

import static io.github.cfcontainers.emulator.http.Router.Access.CONTAINERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.http.Request;
import io.github.cfcontainers.emulator.http.Response;
import io.github.cfcontainers.emulator.http.Router;
import io.github.cfcontainers.emulator.registry.RegistryCredentials;
import io.github.cfcontainers.emulator.state.EmulatorConfig;
import io.github.cfcontainers.emulator.state.EmulatorState;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Container application routes: /me, applications, rollouts ({@link RolloutsApi}), instances and
 * dash lists ({@link InstancesApi}); the application handlers and answers themselves.
 */
public final class ApplicationsApi {
  private static final String C = "/accounts/{account_id}/containers";

  private final EmulatorState state;
  private final EmulatorConfig config;
  private final ApplicationValidator validator;
  private final ContainerRunner runner;
  private final RolloutsApi rollouts;
  private final InstancesApi instances;

  public ApplicationsApi(
      EmulatorState state,
      EmulatorConfig config,
      ApplicationValidator validator,
      ContainerRunner runner) {
    this.state = state;
    this.config = config;
    this.validator = validator;
    this.runner = runner;
    this.rollouts = new RolloutsApi(this, state, config, validator, runner);
    this.instances = new InstancesApi(this, state, runner);
  }

  public void register(Router r, RegistryCredentials credentials) {
    r.add("GET", C + "/me", CONTAINERS, q -> Response.ok(AccountLimits.me(config)));
    r.add("POST", C + "/registries/{registry_host}/credentials", CONTAINERS, credentials::mint);
    // containers-shared ImageRegistriesService.listImageRegistries: Array<CustomerImageRegistry>
    // ({domain, kind?, public_key?, created_at}). The emulator configures no external registry, so
    // the list is empty and images from ECR / Artifact Registry stay IMAGE_REGISTRY_NOT_CONFIGURED.
    r.add("GET", C + "/registries", CONTAINERS, q -> Response.ok(Json.MAPPER.createArrayNode()));
    r.add("GET", C + "/applications", CONTAINERS, this::list);
    r.add("POST", C + "/applications", CONTAINERS, this::create);
    r.add(
        "GET", C + "/applications/{id}", CONTAINERS, q -> Response.ok(toJson(app(q.param("id")))));
    r.add("PATCH", C + "/applications/{id}", CONTAINERS, this::patch);
    r.add("DELETE", C + "/applications/{id}", CONTAINERS, this::delete);
    r.add("POST", C + "/applications/{id}/rollouts", CONTAINERS, rollouts::createRollout);
    r.add("GET", C + "/applications/{id}/rollouts", CONTAINERS, rollouts::listRollouts);
    r.add("GET", C + "/applications/{id}/rollouts/{rollout}", CONTAINERS, rollouts::getRollout);
    r.add("POST", C + "/applications/{id}/rollouts/{rollout}", CONTAINERS, rollouts::actOnRollout);
    r.add(
        "DELETE", C + "/applications/{id}/rollouts/{rollout}", CONTAINERS, rollouts::deleteRollout);
    r.add("GET", C + "/applications/{id}/instances-v2", CONTAINERS, instances::instances);
    // containers-shared ApplicationsService.listDashApplications / listDashApplicationInstances
    // (wrangler containers list)
    r.add("GET", C + "/dash/applications", CONTAINERS, instances::dashList);
    r.add("GET", C + "/dash/applications/{id}/instances", CONTAINERS, instances::dashInstances);
  }

  EmulatorState.Application app(String id) {
    synchronized (state) {
      EmulatorState.Application a = state.applications.get(id);
      if (a == null)
        throw ApiException.containers(404, "APPLICATION_NOT_FOUND", Json.object().put("id", id));
      return a;
    }
  }

  private Response list(Request q) {
    String name = q.query().get("name");
    ArrayNode out = Json.array();
    synchronized (state) {
      for (EmulatorState.Application a : state.applications.values()) {
        if (name == null || name.equals(a.name())) out.add(toJson(a));
      }
    }
    return Response.ok(out);
  }

  private Response create(Request q) {
    JsonNode body = q.json();
    ApplicationFields.onlyFields(body, ApplicationFields.CREATE_FIELDS, "");
    String name = body.path("name").asText("");
    if (!body.path("name").isTextual() || name.isEmpty())
      throw ApiException.invalidInput("name", "required");
    String policy = ApplicationFields.schedulingPolicy(body, "default");
    int instances = ApplicationFields.nonNegativeInt(body, "instances", 0);
    int maxInstances =
        ApplicationFields.nonNegativeInt(body, "max_instances", Math.max(instances, 1));
    int grace = ApplicationFields.nonNegativeInt(body, "rollout_active_grace_period", 0);
    if (maxInstances < instances)
      throw ApiException.invalidInput("max_instances", "must be >= instances");
    ObjectNode constraints = ApplicationFields.constraints(body.get("constraints"));
    ObjectNode affinities = ApplicationFields.affinities(body.get("affinities"));
    ObjectNode priorities = ApplicationFields.priorities(body.get("priorities"));
    String namespaceId = null;
    if (body.has("durable_objects")) {
      ApplicationFields.onlyFields(
          body.get("durable_objects"), Set.of("namespace_id"), "durable_objects");
      namespaceId = body.get("durable_objects").path("namespace_id").asText("");
      if (namespaceId.isEmpty())
        throw ApiException.invalidInput("durable_objects.namespace_id", "required");
      if (instances != 0) {
        throw ApiException.invalidInput(
            "instances", "Durable Object applications start instances on demand: send 0");
      }
    }
    ObjectNode configuration = validator.configuration(body.get("configuration"));
    EmulatorState.Application created;
    synchronized (state) {
      EmulatorState.Application same = state.applicationByName(name);
      if (same != null) {
        throw ApiException.containers(
            409,
            "APPLICATION_ALREADY_EXISTS",
            Json.object().put("name", same.name()).put("id", same.id()));
      }
      if (namespaceId != null) checkNamespace(namespaceId);
      AccountLimits.checkTotals(state, null, configuration, maxInstances);
      created =
          new EmulatorState.Application(
              UUID.randomUUID().toString(),
              name,
              1,
              Json.now(),
              policy,
              instances,
              maxInstances,
              configuration,
              constraints,
              namespaceId,
              grace,
              null,
              affinities,
              priorities);
      state.applications.put(created.id(), created);
      state.rollouts.put(created.id(), new ArrayList<>());
      state.createdWith.put(created.id(), created.configuration());
    }
    runner.deploy(created);
    return Response.ok(toJson(created));
  }

  private void checkNamespace(String namespaceId) {
    EmulatorState.Namespace ns = state.namespaces.get(namespaceId);
    if (ns == null) {
      throw ApiException.containers(
          404, "DURABLE_OBJECT_NOT_FOUND", Json.object().put("namespace_id", namespaceId));
    }
    if (!ns.containers()) {
      throw ApiException.containers(
          400,
          "DURABLE_OBJECT_NOT_CONTAINER_ENABLED",
          Json.object()
              .put("namespace_id", namespaceId)
              .put("class", ns.className())
              .put("script", ns.script()));
    }
    EmulatorState.Application other = state.applicationServing(namespaceId);
    if (other != null) {
      throw ApiException.containers(
          409,
          "DURABLE_OBJECT_ALREADY_HAS_APPLICATION",
          Json.object().put("name", other.name()).put("id", other.id()));
    }
  }

  private Response patch(Request q) {
    JsonNode body = q.json();
    ApplicationFields.onlyFields(body, ApplicationFields.PATCH_FIELDS, "");
    EmulatorState.Application a = app(q.param("id"));
    ObjectNode configuration =
        patched(body, "configuration", validator::configuration, a.configuration());
    ObjectNode constraints =
        patched(body, "constraints", ApplicationFields::constraints, a.constraints());
    ObjectNode affinities =
        patched(body, "affinities", ApplicationFields::affinities, a.affinities());
    ObjectNode priorities =
        patched(body, "priorities", ApplicationFields::priorities, a.priorities());
    String policy = ApplicationFields.schedulingPolicy(body, a.schedulingPolicy());
    int maxInstances = ApplicationFields.nonNegativeInt(body, "max_instances", a.maxInstances());
    // ModifyApplicationRequestBody.ts has name and instances too: a rename must stay unique, and a
    // Durable Object application keeps instances 0.
    String name = body.has("name") ? body.path("name").asText("") : a.name();
    if (name.isEmpty()) throw ApiException.invalidInput("name", "must be a non-empty string");
    int instances = ApplicationFields.nonNegativeInt(body, "instances", a.instances());
    if (a.namespaceId() != null && instances != 0) {
      throw ApiException.invalidInput(
          "instances", "Durable Object applications start instances on demand: send 0");
    }
    int grace =
        ApplicationFields.nonNegativeInt(
            body, "rollout_active_grace_period", a.rolloutActiveGracePeriod());
    if (maxInstances < a.instances())
      throw ApiException.invalidInput("max_instances", "must be >= instances");
    synchronized (state) {
      EmulatorState.Application current = app(a.id());
      EmulatorState.Application same = state.applicationByName(name);
      if (same != null && !same.id().equals(current.id())) {
        throw ApiException.containers(
            409,
            "APPLICATION_ALREADY_EXISTS",
            Json.object().put("name", same.name()).put("id", same.id()));
      }
      AccountLimits.checkTotals(state, current.id(), configuration, maxInstances);
      EmulatorState.Application updated =
          new EmulatorState.Application(
              current.id(),
              name,
              current.version() + 1,
              current.createdAt(),
              policy,
              instances,
              maxInstances,
              configuration,
              constraints,
              current.namespaceId(),
              grace,
              current.activeRolloutId(),
              affinities,
              priorities);
      state.applications.put(updated.id(), updated);
      return Response.ok(toJson(updated));
    }
  }

  /** A PATCH keeps what its body leaves out. */
  private static ObjectNode patched(
      JsonNode body, String field, Function<JsonNode, ObjectNode> parse, ObjectNode current) {
    return body.has(field) ? parse.apply(body.get(field)) : current;
  }

  private Response delete(Request q) {
    synchronized (state) {
      EmulatorState.Application a = app(q.param("id"));
      state.applications.remove(a.id());
      state.rollouts.remove(a.id());
      state.createdWith.remove(a.id());
    }
    runner.stop(q.param("id"));
    return Response.ok(Json.object());
  }

  private ObjectNode answeredConfiguration(ObjectNode configuration) {
    if (state.answerInstanceType || !configuration.has("vcpu")) return configuration;
    ObjectNode sizesOnly = configuration.deepCopy();
    sizesOnly.remove("instance_type");
    return sizesOnly;
  }

  public ObjectNode toJson(EmulatorState.Application a) {
    ObjectNode n = Json.object();
    n.put("id", a.id())
        .put("name", a.name())
        .put("version", a.version())
        .put("created_at", a.createdAt());
    n.put("account_id", config.accountId()).put("scheduling_policy", a.schedulingPolicy());
    n.put("instances", a.instances()).put("max_instances", a.maxInstances());
    n.set("configuration", answeredConfiguration(a.configuration()));
    if (a.constraints() != null) n.set("constraints", a.constraints());
    if (a.affinities() != null) n.set("affinities", a.affinities());
    if (a.priorities() != null) n.set("priorities", a.priorities());
    if (a.namespaceId() != null)
      n.putObject("durable_objects").put("namespace_id", a.namespaceId());
    n.put("rollout_active_grace_period", a.rolloutActiveGracePeriod());
    if (a.activeRolloutId() != null) n.put("active_rollout_id", a.activeRolloutId());
    ObjectNode health = n.putObject("health").putObject("instances");
    int running = runner.instanceCount(a.id());
    health
        .put("active", running)
        .put("healthy", running)
        .put("failed", 0)
        .put("starting", 0)
        .put("scheduling", 0);
    return n;
  }
}
