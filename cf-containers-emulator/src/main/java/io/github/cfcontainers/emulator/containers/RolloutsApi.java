package io.github.cfcontainers.emulator.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.http.Request;
import io.github.cfcontainers.emulator.http.Response;
import io.github.cfcontainers.emulator.state.EmulatorConfig;
import io.github.cfcontainers.emulator.state.EmulatorState;
import io.github.cfcontainers.emulator.state.Rollout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Rollouts of an application: create (the next version's target configuration, stepping by time or
 * by hand), list, get, act on (next, previous, revert) and delete.
 */
final class RolloutsApi {
  private final ApplicationsApi applications;
  private final EmulatorState state;
  private final EmulatorConfig config;
  private final ApplicationValidator validator;
  private final ContainerRunner runner;

  RolloutsApi(
      ApplicationsApi applications,
      EmulatorState state,
      EmulatorConfig config,
      ApplicationValidator validator,
      ContainerRunner runner) {
    this.applications = applications;
    this.state = state;
    this.config = config;
    this.validator = validator;
    this.runner = runner;
  }

  Response createRollout(Request q) {
    JsonNode body = q.json();
    ApplicationFields.onlyFields(body, ApplicationFields.ROLLOUT_FIELDS, "");
    if (!"rolling".equals(body.path("strategy").asText()))
      throw ApiException.invalidInput("strategy", "must be \"rolling\"");
    // CreateApplicationRolloutRequest.ts: kind full_auto | full_manual (wrangler's rollout_kind).
    String kind = body.path("kind").asText("full_auto");
    if (!ApplicationFields.ROLLOUT_KINDS.contains(kind))
      throw ApiException.invalidInput("kind", "must be one of " + ApplicationFields.ROLLOUT_KINDS);
    List<Integer> steps = ApplicationFields.rolloutSteps(body);
    EmulatorState.Application a = applications.app(q.param("id"));
    ObjectNode target = validator.configuration(body.get("target_configuration"));
    Rollout rollout;
    synchronized (state) {
      EmulatorState.Application current = applications.app(a.id());
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
          current.id(), current.withRollout(current.version() + 1, target, rollout.id));
    }
    runner.rollout(applications.app(a.id()), rollout);
    return Response.ok(rollout.toJson(runner.instanceCount(a.id())));
  }

  /**
   * RolloutsService.listApplicationRollouts: every rollout ("by default it is all of them"), or
   * {@code limit} of them after the rollout {@code last}. Newest first is an emulator choice: the
   * order is not documented.
   */
  Response listRollouts(Request q) {
    EmulatorState.Application a = applications.app(q.param("id"));
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
      Collections.reverse(newestFirst);
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

  Response getRollout(Request q) {
    EmulatorState.Application a = applications.app(q.param("id"));
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
  Response actOnRollout(Request q) {
    JsonNode body = q.json();
    ApplicationFields.onlyFields(body, Set.of("action"), "");
    String action = body.path("action").asText("");
    if (!List.of("next", "previous", "revert").contains(action)) {
      throw ApiException.invalidInput("action", "must be one of next, previous, revert");
    }
    EmulatorState.Application updated;
    Rollout rollout;
    synchronized (state) {
      EmulatorState.Application current = applications.app(q.param("id"));
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
          current.withRollout(
              current.version() + 1, rollout.currentConfiguration, current.activeRolloutId());
      state.applications.put(updated.id(), updated);
    }
    runner.deploy(updated);
    return Response.ok(rollout.toJson(runner.instanceCount(updated.id())));
  }

  Response deleteRollout(Request q) {
    synchronized (state) {
      EmulatorState.Application current = applications.app(q.param("id"));
      Rollout rollout = rollout(current.id(), q.param("rollout"));
      state.rollouts.get(current.id()).remove(rollout);
      if (rollout.id.equals(current.activeRolloutId())) {
        state.applications.put(
            current.id(), current.withRollout(current.version(), current.configuration(), null));
      }
    }
    return Response.ok(Json.object());
  }
}
