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
import io.github.cfcontainers.emulator.state.Rollout;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Container application routes: /me, applications, rollouts, instances. */
public final class ApplicationsApi {
  private static final String C = "/accounts/{account_id}/containers";
  static final int TOTAL_VCPU = 1500;

  private final EmulatorState state;
  private final EmulatorConfig config;
  private final ApplicationValidator validator;
  private final ContainerRunner runner;

  public ApplicationsApi(
      EmulatorState state,
      EmulatorConfig config,
      ApplicationValidator validator,
      ContainerRunner runner) {
    this.state = state;
    this.config = config;
    this.validator = validator;
    this.runner = runner;
  }

  public void register(Router r, RegistryCredentials credentials) {
    r.add("GET", C + "/me", CONTAINERS, q -> me());
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
    r.add("POST", C + "/applications/{id}/rollouts", CONTAINERS, this::createRollout);
    r.add("GET", C + "/applications/{id}/rollouts", CONTAINERS, this::listRollouts);
    r.add("GET", C + "/applications/{id}/rollouts/{rollout}", CONTAINERS, this::getRollout);
    r.add("POST", C + "/applications/{id}/rollouts/{rollout}", CONTAINERS, this::actOnRollout);
    r.add("DELETE", C + "/applications/{id}/rollouts/{rollout}", CONTAINERS, this::deleteRollout);
    r.add("GET", C + "/applications/{id}/instances-v2", CONTAINERS, this::instances);
    // containers-shared ApplicationsService.listDashApplications / listDashApplicationInstances
    // (wrangler containers list)
    r.add("GET", C + "/dash/applications", CONTAINERS, this::dashList);
    r.add("GET", C + "/dash/applications/{id}/instances", CONTAINERS, this::dashInstances);
  }

  private Response me() {
    ObjectNode n = Json.object();
    n.put("account_id", config.accountId()).put("external_account_id", config.accountId());
    ObjectNode limits = n.putObject("limits");
    limits.put("account_id", config.accountId());
    limits.put("vcpu_per_deployment", ApplicationValidator.VCPU_LIMIT);
    limits.put("memory_mib_per_deployment", ApplicationValidator.MEMORY_LIMIT_MIB);
    limits.put("disk_mb_per_deployment", ApplicationValidator.DISK_LIMIT_MB);
    limits
        .put("total_vcpu", TOTAL_VCPU)
        .put("total_memory_mib", 6_000_000)
        .put("total_disk_mb", 30_000_000);
    limits.put("node_group", "metal");
    n.putObject("defaults").put("vcpus", 1.0 / 16).put("memory_mib", 256).put("disk_mb", 2000);
    return Response.ok(n);
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
    ApplicationValidator.onlyFields(body, ApplicationValidator.CREATE_FIELDS, "");
    String name = body.path("name").asText("");
    if (!body.path("name").isTextual() || name.isEmpty())
      throw ApiException.invalidInput("name", "required");
    String policy = ApplicationValidator.schedulingPolicy(body, "default");
    int instances = ApplicationValidator.nonNegativeInt(body, "instances", 0);
    int maxInstances =
        ApplicationValidator.nonNegativeInt(body, "max_instances", Math.max(instances, 1));
    int grace = ApplicationValidator.nonNegativeInt(body, "rollout_active_grace_period", 0);
    if (maxInstances < instances)
      throw ApiException.invalidInput("max_instances", "must be >= instances");
    ObjectNode constraints = ApplicationValidator.constraints(body.get("constraints"));
    ObjectNode affinities = ApplicationValidator.affinities(body.get("affinities"));
    ObjectNode priorities = ApplicationValidator.priorities(body.get("priorities"));
    String namespaceId = null;
    if (body.has("durable_objects")) {
      ApplicationValidator.onlyFields(
          body.get("durable_objects"), java.util.Set.of("namespace_id"), "durable_objects");
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
      checkTotals(null, configuration, maxInstances);
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

  /** The account-wide totals of /me: every application at max_instances must fit. */
  private void checkTotals(String replacingId, ObjectNode configuration, int maxInstances) {
    double vcpu = vcpu(configuration) * maxInstances;
    for (EmulatorState.Application other : state.applications.values()) {
      if (!other.id().equals(replacingId))
        vcpu += vcpu(other.configuration()) * other.maxInstances();
    }
    if (vcpu > TOTAL_VCPU) {
      throw ApiException.containers(
          400, "SURPASSED_TOTAL_LIMITS", Json.object().put("vcpu", vcpu).put("limit", TOTAL_VCPU));
    }
  }

  private static double vcpu(ObjectNode configuration) {
    if (configuration.has("vcpu")) return configuration.get("vcpu").asDouble();
    String type = InstanceTypes.canonical(configuration.path("instance_type").asText("lite"));
    return InstanceTypes.SIZES.get(type == null ? "lite" : type).vcpu();
  }

  private Response patch(Request q) {
    JsonNode body = q.json();
    ApplicationValidator.onlyFields(body, ApplicationValidator.PATCH_FIELDS, "");
    EmulatorState.Application a = app(q.param("id"));
    ObjectNode configuration =
        body.has("configuration")
            ? validator.configuration(body.get("configuration"))
            : a.configuration();
    ObjectNode constraints =
        body.has("constraints")
            ? ApplicationValidator.constraints(body.get("constraints"))
            : a.constraints();
    ObjectNode affinities =
        body.has("affinities")
            ? ApplicationValidator.affinities(body.get("affinities"))
            : a.affinities();
    ObjectNode priorities =
        body.has("priorities")
            ? ApplicationValidator.priorities(body.get("priorities"))
            : a.priorities();
    String policy = ApplicationValidator.schedulingPolicy(body, a.schedulingPolicy());
    int maxInstances = ApplicationValidator.nonNegativeInt(body, "max_instances", a.maxInstances());
    // ModifyApplicationRequestBody.ts has name and instances too: a rename must stay unique, and a
    // Durable Object application keeps instances 0.
    String name = body.has("name") ? body.path("name").asText("") : a.name();
    if (name.isEmpty()) throw ApiException.invalidInput("name", "must be a non-empty string");
    int instances = ApplicationValidator.nonNegativeInt(body, "instances", a.instances());
    if (a.namespaceId() != null && instances != 0) {
      throw ApiException.invalidInput(
          "instances", "Durable Object applications start instances on demand: send 0");
    }
    int grace =
        ApplicationValidator.nonNegativeInt(
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
      checkTotals(current.id(), configuration, maxInstances);
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

  private Response createRollout(Request q) {
    JsonNode body = q.json();
    ApplicationValidator.onlyFields(body, ApplicationValidator.ROLLOUT_FIELDS, "");
    if (!"rolling".equals(body.path("strategy").asText()))
      throw ApiException.invalidInput("strategy", "must be \"rolling\"");
    // CreateApplicationRolloutRequest.ts: kind full_auto | full_manual (wrangler's rollout_kind).
    String kind = body.path("kind").asText("full_auto");
    if (!ApplicationValidator.ROLLOUT_KINDS.contains(kind))
      throw ApiException.invalidInput(
          "kind", "must be one of " + ApplicationValidator.ROLLOUT_KINDS);
    List<Integer> steps = ApplicationValidator.rolloutSteps(body);
    EmulatorState.Application a = app(q.param("id"));
    ObjectNode target = validator.configuration(body.get("target_configuration"));
    Rollout rollout;
    synchronized (state) {
      EmulatorState.Application current = app(a.id());
      List<Rollout> list = state.rollouts.get(current.id());
      // current_configuration / current_version: what the instances run before this rollout
      // (ApplicationRollout.ts
      // "current application version before the rollout"): the newest completed rollout's target,
      // else the
      // configuration the application was created with (version 1) - not a configuration only
      // PATCHed so far.
      ObjectNode ranBefore = state.createdWith.getOrDefault(current.id(), current.configuration());
      int ranBeforeVersion = 1;
      for (int i = list.size() - 1; i >= 0; i--) {
        if ("completed".equals(list.get(i).status())) {
          ranBefore = list.get(i).targetConfiguration;
          ranBeforeVersion = list.get(i).targetVersion;
          break;
        }
      }
      list.forEach(Rollout::replace);
      rollout =
          new Rollout(
              UUID.randomUUID().toString(),
              current.id(),
              body.path("description").asText(""),
              "rolling",
              kind,
              steps,
              ranBefore,
              target,
              ranBeforeVersion,
              current.version() + 1,
              config.rolloutStepDelay());
      list.add(rollout);
      state.applications.put(
          current.id(),
          new EmulatorState.Application(
              current.id(),
              current.name(),
              current.version() + 1,
              current.createdAt(),
              current.schedulingPolicy(),
              current.instances(),
              current.maxInstances(),
              target,
              current.constraints(),
              current.namespaceId(),
              current.rolloutActiveGracePeriod(),
              rollout.id,
              current.affinities(),
              current.priorities()));
    }
    runner.rollout(app(a.id()), rollout);
    return Response.ok(rollout.toJson(runner.instanceCount(a.id())));
  }

  /**
   * RolloutsService.listApplicationRollouts: every rollout ("by default it is all of them"), or
   * {@code limit} of them after the rollout {@code last}. Newest first is an emulator choice: the
   * order is not documented.
   */
  private Response listRollouts(Request q) {
    EmulatorState.Application a = app(q.param("id"));
    String limitText = q.query().get("limit");
    String last = q.query().get("last");
    int limit;
    try {
      limit = limitText == null ? Integer.MAX_VALUE : Integer.parseInt(limitText);
    } catch (NumberFormatException e) {
      throw ApiException.invalidInput("limit", "must be a whole number");
    }
    if (limit < 1) throw ApiException.invalidInput("limit", "must be at least 1");
    ArrayNode out = Json.array();
    synchronized (state) {
      List<Rollout> newestFirst = new ArrayList<>(state.rollouts.get(a.id()));
      java.util.Collections.reverse(newestFirst);
      boolean after = last == null;
      for (Rollout r : newestFirst) {
        if (!after) {
          after = r.id.equals(last);
          continue;
        }
        if (out.size() == limit) break;
        out.add(r.toJson(runner.instanceCount(a.id())));
      }
      if (!after)
        throw ApiException.containers(404, "ROLLOUT_NOT_FOUND", Json.object().put("id", last));
    }
    return Response.ok(out);
  }

  private Response getRollout(Request q) {
    EmulatorState.Application a = app(q.param("id"));
    synchronized (state) {
      for (Rollout r : state.rollouts.get(a.id())) {
        if (r.id.equals(q.param("rollout")))
          return Response.ok(r.toJson(runner.instanceCount(a.id())));
      }
    }
    throw ApiException.containers(
        404, "ROLLOUT_NOT_FOUND", Json.object().put("id", q.param("rollout")));
  }

  private Rollout rollout(String applicationId, String rolloutId) {
    for (Rollout r : state.rollouts.get(applicationId)) {
      if (r.id.equals(rolloutId)) return r;
    }
    throw ApiException.containers(404, "ROLLOUT_NOT_FOUND", Json.object().put("id", rolloutId));
  }

  /**
   * {"action":"next"|"previous"|"revert"} (reference §5). Rollouts here are full_auto and step
   * themselves, so next/previous (manual stepping) are refused; revert puts the application back on
   * the rollout's starting configuration unless a newer rollout already replaced it.
   */
  private Response actOnRollout(Request q) {
    JsonNode body = q.json();
    ApplicationValidator.onlyFields(body, java.util.Set.of("action"), "");
    String action = body.path("action").asText("");
    if (!List.of("next", "previous", "revert").contains(action)) {
      throw ApiException.invalidInput("action", "must be one of next, previous, revert");
    }
    EmulatorState.Application updated;
    Rollout rollout;
    synchronized (state) {
      EmulatorState.Application current = app(q.param("id"));
      rollout = rollout(current.id(), q.param("rollout"));
      if (!action.equals("revert")) {
        if (!rollout.manual()) {
          throw ApiException.invalidInput(
              "action",
              "'"
                  + action
                  + "' steps manual rollouts; this one is "
                  + rollout.kind
                  + " and steps itself");
        }
        if (!rollout.step(action.equals("next") ? 1 : -1)) {
          throw ApiException.invalidInput(
              "action",
              "rollout " + rollout.id + " is " + rollout.status() + ": no step to " + action);
        }
        return Response.ok(rollout.toJson(runner.instanceCount(current.id())));
      }
      if (!rollout.revert()) {
        throw ApiException.invalidInput(
            "action", "rollout " + rollout.id + " is " + rollout.status() + ": nothing to revert");
      }
      updated =
          new EmulatorState.Application(
              current.id(),
              current.name(),
              current.version() + 1,
              current.createdAt(),
              current.schedulingPolicy(),
              current.instances(),
              current.maxInstances(),
              rollout.currentConfiguration,
              current.constraints(),
              current.namespaceId(),
              current.rolloutActiveGracePeriod(),
              current.activeRolloutId(),
              current.affinities(),
              current.priorities());
      state.applications.put(updated.id(), updated);
    }
    runner.deploy(updated);
    return Response.ok(rollout.toJson(runner.instanceCount(updated.id())));
  }

  private Response deleteRollout(Request q) {
    synchronized (state) {
      EmulatorState.Application current = app(q.param("id"));
      Rollout rollout = rollout(current.id(), q.param("rollout"));
      state.rollouts.get(current.id()).remove(rollout);
      if (rollout.id.equals(current.activeRolloutId())) {
        state.applications.put(
            current.id(),
            new EmulatorState.Application(
                current.id(),
                current.name(),
                current.version(),
                current.createdAt(),
                current.schedulingPolicy(),
                current.instances(),
                current.maxInstances(),
                current.configuration(),
                current.constraints(),
                current.namespaceId(),
                current.rolloutActiveGracePeriod(),
                null,
                current.affinities(),
                current.priorities()));
      }
    }
    return Response.ok(Json.object());
  }

  /**
   * Paged by page_token as containers-shared's PaginatedResult (ResultInfo {page_token, per_page,
   * next_page_token}): the last page has no next_page_token. Default page 100; the admin page-size
   * cap applies, so a test can make clients read several pages.
   */
  private Response instances(Request q) {
    EmulatorState.Application a = app(q.param("id"));
    ArrayNode all = runner.instances(a.id());
    int perPage = q.query().containsKey("per_page") ? pageSize(q) : 100;
    if (state.maxPerPage > 0) perPage = Math.min(perPage, state.maxPerPage);
    int from = pageOffset(q);
    ArrayNode page = Json.array();
    for (int i = from; i < Math.min(all.size(), from + perPage); i++) page.add(all.get(i));
    return paged(
        page, perPage, from + perPage < all.size() ? String.valueOf(from + perPage) : null, q);
  }

  /**
   * DashApplication.ts {id, created_at, updated_at, name, version, instances, image, health}, paged
   * by page_token (PaginatedResult.ts ResultInfo {page_token, per_page, next_page_token}). The
   * token here is an opaque offset; the last page has no next_page_token.
   */
  private Response dashList(Request q) {
    int perPage = pageSize(q);
    int from = pageOffset(q);
    List<EmulatorState.Application> all;
    synchronized (state) {
      all = new ArrayList<>(state.applications.values());
    }
    ArrayNode items = Json.array();
    for (int i = from; i < Math.min(all.size(), from + perPage); i++) {
      EmulatorState.Application a = all.get(i);
      ObjectNode n = items.addObject();
      n.put("id", a.id())
          .put("created_at", a.createdAt())
          .put("updated_at", a.createdAt())
          .put("name", a.name());
      n.put("version", a.version()).put("instances", runner.instanceCount(a.id()));
      n.put("image", a.configuration().path("image").asText());
      n.set("health", toJson(a).get("health"));
    }
    return paged(
        items, perPage, from + perPage < all.size() ? String.valueOf(from + perPage) : null, q);
  }

  /** DashApplicationInstances.ts {instances: [...], durable_objects?: [...]}. */
  private Response dashInstances(Request q) {
    EmulatorState.Application a = app(q.param("id"));
    ObjectNode n = Json.object();
    ArrayNode instances = n.putArray("instances");
    ContainerRunner.Instance i = runner.instance(a.id());
    if (i != null) {
      // app_version is the version the instance was started with, not the application's (it lags
      // during a rollout).
      instances
          .addObject()
          .put("id", i.id())
          .put("created_at", i.createdAt().toString())
          .put("location", "emulator")
          .put("app_version", i.version())
          .put("image", i.image());
    }
    n.putArray("durable_objects");
    return paged(n, pageSize(q), null, q);
  }

  private static int pageSize(Request q) {
    try {
      int n = Integer.parseInt(q.query().getOrDefault("per_page", "20"));
      if (n < 1 || n > 1000) throw ApiException.invalidInput("per_page", "must be 1..1000");
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.invalidInput("per_page", "must be an integer");
    }
  }

  private static int pageOffset(Request q) {
    String token = q.query().get("page_token");
    if (token == null || token.isEmpty()) return 0;
    if (!token.matches("\\d{1,9}"))
      throw ApiException.invalidInput("page_token", "unknown page token");
    return Integer.parseInt(token);
  }

  private static Response paged(JsonNode result, int perPage, String next, Request q) {
    ObjectNode env = Json.envelope(result);
    ObjectNode info = env.putObject("result_info").put("per_page", perPage);
    if (q.query().get("page_token") != null) info.put("page_token", q.query().get("page_token"));
    if (next != null) info.put("next_page_token", next);
    return Response.json(200, env);
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
