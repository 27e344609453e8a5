package io.github.cfcontainers.emulator.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.http.Request;
import io.github.cfcontainers.emulator.http.Response;
import io.github.cfcontainers.emulator.state.EmulatorState;
import java.util.ArrayList;
import java.util.List;

/**
 * An application's instances (instances-v2) and the dash lists wrangler containers list reads, all
 * paged by page_token.
 */
final class InstancesApi {
  private final ApplicationsApi applications;
  private final EmulatorState state;
  private final ContainerRunner runner;

  InstancesApi(ApplicationsApi applications, EmulatorState state, ContainerRunner runner) {
    this.applications = applications;
    this.state = state;
    this.runner = runner;
  }

  /**
   * Paged by page_token as containers-shared's PaginatedResult (ResultInfo {page_token, per_page,
   * next_page_token}): the last page has no next_page_token. Default page 100; the admin page-size
   * cap applies, so a test can make clients read several pages.
   */
  Response instances(Request q) {
    EmulatorState.Application a = applications.app(q.param("id"));
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
  Response dashList(Request q) {
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
      n.set("health", applications.toJson(a).get("health"));
    }
    return paged(
        items, perPage, from + perPage < all.size() ? String.valueOf(from + perPage) : null, q);
  }

  /** DashApplicationInstances.ts {instances: [...], durable_objects?: [...]}. */
  Response dashInstances(Request q) {
    EmulatorState.Application a = applications.app(q.param("id"));
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
}
