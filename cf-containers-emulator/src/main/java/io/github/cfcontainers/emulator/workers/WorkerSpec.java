package io.github.cfcontainers.emulator.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.state.EmulatorState;
import io.github.cfcontainers.emulator.state.Rollout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the local Workers runtime runs for one script: the deployed version's modules, compatibility
 * settings, plain-text/JSON vars, and its Durable Object classes, each container class with its
 * application's image. Taken from the emulator's state; equal {@link #key()}s mean nothing the
 * runtime sees has changed.
 */
record WorkerSpec(
    String script,
    String versionId,
    String mainModule,
    String compatibilityDate,
    List<String> flags,
    List<EmulatorState.Module> modules,
    Map<String, JsonNode> vars,
    Map<String, DoClass> bound,
    List<DoClass> unbound,
    List<String> ignored,
    SecretValues secrets) {

  /** The version's secret_text values for the runtime's bindings; never printed. */
  static final class SecretValues {
    final Map<String, String> values;

    SecretValues(Map<String, String> values) {
      this.values = Map.copyOf(values);
    }

    @Override
    public String toString() {
      return "SecretValues" + values.keySet();
    }
  }

  /**
   * A Durable Object class; {@code image} is the application's (remote) image, null without one.
   */
  record DoClass(String className, boolean sqlite, String application, String image) {}

  /** Version and images: a change of either restarts the runtime. */
  String key() {
    StringBuilder b = new StringBuilder(versionId);
    bound.values().forEach(d -> b.append('|').append(d.className()).append('=').append(d.image()));
    unbound.forEach(d -> b.append('|').append(d.className()).append('=').append(d.image()));
    return b.toString();
  }

  /** Every distinct class (bound or not), by name. */
  Map<String, DoClass> classes() {
    Map<String, DoClass> all = new LinkedHashMap<>();
    bound.values().forEach(d -> all.put(d.className(), d));
    unbound.forEach(d -> all.put(d.className(), d));
    return all;
  }

  /** Reads the script's deployed version; the caller holds the state's monitor. */
  static WorkerSpec of(EmulatorState state, String scriptName) {
    EmulatorState.Script script = state.scripts.get(scriptName);
    String versionId = deployedVersion(state, scriptName, script.latestVersionId());
    EmulatorState.Version v = state.versions.get(versionId);
    List<EmulatorState.Module> modules = state.modules.get(versionId);
    if (v == null || modules == null) {
      throw new ApiException(
          502,
          10013,
          "Worker '" + scriptName + "': the modules of version " + versionId + " are not stored");
    }
    Map<String, DoClass> classes = new LinkedHashMap<>();
    for (EmulatorState.Namespace ns : state.namespacesOf(scriptName)) {
      EmulatorState.Application app = ns.containers() ? state.applicationServing(ns.id()) : null;
      classes.put(
          ns.className(),
          new DoClass(
              ns.className(),
              ns.sqlite(),
              app == null ? null : app.name(),
              app == null ? null : servingImage(state, app)));
    }
    Map<String, String> secrets = state.secretValues.getOrDefault(versionId, Map.of());
    Map<String, JsonNode> vars = new LinkedHashMap<>();
    Map<String, DoClass> bound = new LinkedHashMap<>();
    List<String> ignored = new ArrayList<>();
    for (JsonNode b : v.bindings()) {
      String type = b.path("type").asText(), name = b.path("name").asText();
      switch (type) {
        case "plain_text" -> vars.put(name, b.path("text"));
        case "json" -> vars.put(name, b.path("json"));
        case "durable_object_namespace" -> {
          String other = b.path("script_name").asText(null);
          DoClass d = classes.get(b.path("class_name").asText());
          if ((other == null || other.equals(scriptName)) && d != null) bound.put(name, d);
          else ignored.add(name + " (Durable Object of Worker " + other + ")");
        }
        // Write-only on the API: the emulator keeps their values in memory for the runtime only.
        case "secret_text" -> {
          if (!secrets.containsKey(name)) ignored.add(name + " (secret_text without a value)");
        }
        default -> ignored.add(name + " (" + type + ")");
      }
    }
    List<DoClass> unbound = new ArrayList<>(classes.values());
    unbound.removeAll(bound.values());
    return new WorkerSpec(
        scriptName,
        versionId,
        v.mainModule(),
        v.compatibilityDate(),
        texts(v.compatibilityFlags()),
        modules,
        vars,
        bound,
        List.copyOf(unbound),
        List.copyOf(ignored),
        new SecretValues(secrets));
  }

  /** The version serving traffic: the newest deployment's version with the largest share. */
  private static String deployedVersion(EmulatorState state, String script, String latest) {
    List<ObjectNode> deployments = state.deployments.get(script);
    if (deployments == null || deployments.isEmpty()) return latest;
    String best = latest;
    double share = -1;
    for (JsonNode v : deployments.get(0).path("versions")) {
      if (v.path("percentage").asDouble() > share) {
        share = v.path("percentage").asDouble();
        best = v.path("version_id").asText();
      }
    }
    return best;
  }

  /** As the direct runner: instances move to a rollout's target image only when it completes. */
  private static String servingImage(EmulatorState state, EmulatorState.Application app) {
    List<Rollout> rollouts = state.rollouts.getOrDefault(app.id(), List.of());
    Rollout last = rollouts.isEmpty() ? null : rollouts.get(rollouts.size() - 1);
    if (last != null
        && app.id().equals(last.applicationId)
        && last.id.equals(app.activeRolloutId())
        && ("progressing".equals(last.status()) || "pending".equals(last.status()))) {
      return last.currentConfiguration.path("image").asText();
    }
    return app.configuration().path("image").asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
