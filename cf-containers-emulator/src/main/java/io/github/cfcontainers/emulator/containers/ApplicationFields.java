package io.github.cfcontainers.emulator.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The checks the containers API makes on the fields of application and rollout bodies other than
 * the configuration ({@link ApplicationValidator}): known fields only, known values, scheduling,
 * constraints, affinities, priorities and rollout steps. Errors carry the real
 * `{"error":CODE,"details":{...}}` message.
 */
final class ApplicationFields {
  // Field sets: containers-shared/src/client/models/{CreateApplicationRequest,
  // ModifyApplicationRequestBody, UserDeploymentConfiguration, ApplicationConstraints}.ts (the
  // client generated from the API's OpenAPI).
  static final Set<String> CREATE_FIELDS =
      Set.of(
          "name",
          "scheduling_policy",
          "instances",
          "max_instances",
          "configuration",
          "constraints",
          "durable_objects",
          "rollout_active_grace_period",
          "affinities",
          "priorities");
  static final Set<String> PATCH_FIELDS =
      Set.of(
          "name",
          "instances",
          "configuration",
          "max_instances",
          "constraints",
          "scheduling_policy",
          "rollout_active_grace_period",
          "affinities",
          "priorities");
  // jurisdiction: not in the model, kept from the project's reference (cloudflare-api.md section
  // 5).
  static final Set<String> CONSTRAINT_FIELDS =
      Set.of("tiers", "regions", "jurisdiction", "cities", "region", "tier", "pops");
  // ApplicationAffinityColocation.ts, ApplicationAffinityHardwareGeneration.ts
  static final Set<String> COLOCATIONS = Set.of("datacenter");
  static final Set<String> HARDWARE_GENERATIONS = Set.of("highest-overall-performance");
  static final Set<String> ROLLOUT_KINDS = Set.of("full_auto", "full_manual");
  static final Set<String> SCHEDULING_POLICIES =
      Set.of("default", "moon", "regional", "gpu", "fill_metals");
  static final Set<String> REGIONS =
      Set.of("ENAM", "WNAM", "EEUR", "WEUR", "APAC", "SAM", "ME", "OC", "AFR");
  static final Set<String> JURISDICTIONS = Set.of("eu", "fedramp");
  static final Set<String> ROLLOUT_FIELDS =
      Set.of("description", "strategy", "kind", "step_percentage", "steps", "target_configuration");
  static final Set<Integer> STEP_PERCENTAGES = Set.of(5, 10, 20, 25, 50, 100);

  private ApplicationFields() {}

  static void onlyFields(JsonNode node, Set<String> allowed, String where) {
    if (!node.isObject())
      throw ApiException.invalidInput(where.isEmpty() ? "body" : where, "must be an object");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f))
        throw ApiException.invalidInput(where.isEmpty() ? f : where + "." + f, "unknown field");
    }
  }

  static int nonNegativeInt(JsonNode body, String field, int dflt) {
    JsonNode n = body.get(field);
    if (n == null) return dflt;
    if (!n.isIntegralNumber() || n.asInt() < 0)
      throw ApiException.invalidInput(field, "must be a non-negative integer");
    return n.asInt();
  }

  static String schedulingPolicy(JsonNode body, String dflt) {
    JsonNode n = body.get("scheduling_policy");
    if (n == null) return dflt;
    if (!SCHEDULING_POLICIES.contains(n.asText())) {
      throw ApiException.invalidInput("scheduling_policy", "must be one of " + SCHEDULING_POLICIES);
    }
    return n.asText();
  }

  static ObjectNode constraints(JsonNode n) {
    if (n == null) return null;
    onlyFields(n, CONSTRAINT_FIELDS, "constraints");
    if (n.has("regions")) {
      if (!n.get("regions").isArray())
        throw ApiException.invalidInput("constraints.regions", "must be an array");
      for (JsonNode r : n.get("regions")) {
        if (!REGIONS.contains(r.asText())) {
          throw ApiException.invalidInput(
              "constraints.regions", "unknown region " + r + "; one of " + REGIONS);
        }
      }
    }
    if (n.has("jurisdiction") && !JURISDICTIONS.contains(n.get("jurisdiction").asText())) {
      throw ApiException.invalidInput(
          "constraints.jurisdiction", "must be one of " + JURISDICTIONS);
    }
    if (n.has("tiers")) {
      if (!n.get("tiers").isArray())
        throw ApiException.invalidInput("constraints.tiers", "must be an array");
      for (JsonNode t : n.get("tiers")) {
        if (!t.isIntegralNumber() || t.asInt() < 1 || t.asInt() > 3)
          throw ApiException.invalidInput("constraints.tiers", "tiers are 1..3");
      }
    }
    return (ObjectNode) n.deepCopy();
  }

  /**
   * ApplicationAffinities.ts: {colocation?: "datacenter", hardware_generation?:
   * "highest-overall-performance"}.
   */
  static ObjectNode affinities(JsonNode n) {
    if (n == null || n.isNull()) return null;
    onlyFields(n, Set.of("colocation", "hardware_generation"), "affinities");
    if (n.has("colocation") && !COLOCATIONS.contains(n.get("colocation").asText())) {
      throw ApiException.invalidInput("affinities.colocation", "must be one of " + COLOCATIONS);
    }
    if (n.has("hardware_generation")
        && !HARDWARE_GENERATIONS.contains(n.get("hardware_generation").asText())) {
      throw ApiException.invalidInput(
          "affinities.hardware_generation", "must be one of " + HARDWARE_GENERATIONS);
    }
    return (ObjectNode) n.deepCopy();
  }

  /** ApplicationPriorities.ts {default: number}. */
  static ObjectNode priorities(JsonNode n) {
    if (n == null || n.isNull()) return null;
    onlyFields(n, Set.of("default"), "priorities");
    if (!n.path("default").isIntegralNumber())
      throw ApiException.invalidInput("priorities.default", "required integer");
    return (ObjectNode) n.deepCopy();
  }

  /**
   * Step percentages of a rollout body: a single allowed value, or an ascending list ending at 100.
   */
  static List<Integer> rolloutSteps(JsonNode body) {
    List<Integer> steps = new ArrayList<>();
    boolean single = body.has("step_percentage"), list = body.has("steps");
    if (single == list)
      throw ApiException.invalidInput(
          "step_percentage", "give exactly one of step_percentage or steps");
    if (single) {
      JsonNode p = body.get("step_percentage");
      if (!p.isIntegralNumber() || !STEP_PERCENTAGES.contains(p.asInt())) {
        throw ApiException.invalidInput("step_percentage", "must be one of " + STEP_PERCENTAGES);
      }
      for (int pct = p.asInt(); pct <= 100; pct += p.asInt()) steps.add(pct);
      if (steps.get(steps.size() - 1) != 100) steps.add(100);
      return steps;
    }
    JsonNode arr = body.get("steps");
    if (!arr.isArray() || arr.isEmpty())
      throw ApiException.invalidInput("steps", "must be a non-empty array");
    int previous = 0;
    for (JsonNode s : arr) {
      onlyFields(s, Set.of("step_size", "description"), "steps[]");
      onlyFields(s.path("step_size"), Set.of("percentage"), "steps[].step_size");
      JsonNode p = s.path("step_size").path("percentage");
      if (!p.isIntegralNumber() || p.asInt() < 10 || p.asInt() > 100 || p.asInt() <= previous) {
        throw ApiException.invalidInput(
            "steps", "percentages must ascend within 10..100, got " + p);
      }
      previous = p.asInt();
      steps.add(previous);
    }
    if (previous != 100)
      throw ApiException.invalidInput("steps", "the last step must be 100 percent");
    return steps;
  }
}
