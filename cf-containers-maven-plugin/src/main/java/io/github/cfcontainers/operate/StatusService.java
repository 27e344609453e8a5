package io.github.cfcontainers.operate;

import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ContainerInstance;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.deploy.ApiAccess;
import io.github.cfcontainers.deploy.ApplicationSpec;
import io.github.cfcontainers.deploy.DeploySettings;
import io.github.cfcontainers.deploy.Drift;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads what is deployed for the Worker and compares it with the POM through the deploy plan's own
 * diff. Only GETs: nothing remote is written (not even registry credentials, which is why a built
 * image is compared through the local engine's record of what it pushed).
 */
public final class StatusService {

  private final CloudflareApi api;
  private final ContainerEngine engine;
  private final Reporter reporter;

  /**
   * @param engine the local Docker engine, or null when there is none (image drift then unknown)
   */
  public StatusService(CloudflareApi api, ContainerEngine engine, Reporter reporter) {
    this.api = api;
    this.engine = engine;
    this.reporter = reporter;
  }

  public StatusReport status(StatusSettings settings) {
    String name = settings.workerName();
    String read = "Nothing was changed.";
    ApiAccess.require(api, "Workers", "Workers Scripts: Read", api::listScripts, read);
    ApiAccess.require(api, "Containers", "Containers: Read", api::getContainersAccount, read);
    var lines = new ArrayList<String>();
    var script = api.listScripts().stream().filter(s -> name.equals(s.id())).findFirst();
    Map<String, DurableObjectNamespace> namespaces = new LinkedHashMap<>();
    api.listDurableObjectNamespaces().forEach(ns -> namespaces.put(ns.id(), ns));
    StatusReport.Worker worker;
    if (script.isPresent()) {
      String version = api.findCurrentVersionId(name).orElse(null);
      String url = workersDevUrl(name);
      lines.add(
          "Worker "
              + name
              + ": deployed, version "
              + version
              + ", migration tag "
              + script.get().migrationTag()
              + (url == null ? ", workers.dev off" : ", " + url));
      String unknown = null;
      String workerDrift = null;
      if (settings.build() == null || settings.build().workerBundle() == null) {
        unknown =
            "no Worker bundle in build.json: run 'mvn package' (cf:build) to compare the Worker";
      } else {
        try {
          workerDrift =
              Drift.worker(api, deploySettings(settings), List.copyOf(namespaces.values()))
                  .orElse(null);
        } catch (CfException e) {
          unknown = e.getMessage();
        }
      }
      lines.add(
          unknown != null
              ? "  Worker drift unknown: " + unknown
              : "  Worker drift: " + (workerDrift == null ? "none" : workerDrift));
      worker =
          new StatusReport.Worker(
              name, true, version, script.get().migrationTag(), url, workerDrift, unknown);
    } else {
      worker = new StatusReport.Worker(name, false, null, null, null, null, null);
      lines.add("Worker " + name + ": not deployed");
    }
    Map<String, Application> apps = new LinkedHashMap<>();
    api.listApplications().forEach(a -> apps.putIfAbsent(a.name(), a));

    var containers = new ArrayList<StatusReport.Container>();
    boolean anyApp = false;
    boolean drift = worker.drift() != null;
    for (var container : settings.containers()) {
      var app = apps.get(container.spec().name());
      if (app == null) {
        lines.add("Application " + container.spec().name() + ": not deployed");
        containers.add(
            new StatusReport.Container(
                container.spec().name(),
                container.spec().className(),
                null,
                null,
                null,
                null,
                null,
                List.of("application: absent -> create"),
                null));
        drift |= script.isPresent();
        continue;
      }
      anyApp = true;
      var status = container(settings, container, app, namespaces, lines);
      drift |= !status.drift().isEmpty();
      containers.add(status);
    }
    boolean deployed = script.isPresent() || anyApp;
    if (!deployed) {
      lines.add(
          "Nothing deployed: neither Worker " + name + " nor any of its applications exists.");
      drift = false;
    } else {
      lines.add(
          drift
              ? "Drift: a deploy would change what is deployed (see above)."
              : "No drift: what is deployed matches the POM.");
    }
    lines.forEach(reporter::info);
    return new StatusReport(deployed, drift, worker, containers, lines);
  }

  private StatusReport.Container container(
      StatusSettings settings,
      ApplicationSpec container,
      Application app,
      Map<String, DurableObjectNamespace> namespaces,
      List<String> lines) {
    String deployedImage = app.configuration() == null ? null : app.configuration().image();
    lines.add("Application " + app.name() + " (" + app.id() + "): image " + deployedImage);
    var health = health(app);
    var states = new TreeMap<String, Integer>();
    for (ContainerInstance instance : api.listInstances(app.id())) {
      states.merge(state(instance), 1, Integer::sum);
    }
    lines.add(
        "  instances: "
            + (health == null ? "no health in the answer" : describe(health))
            + "; instances-v2: "
            + (states.isEmpty() ? "none" : describe(states)));
    StatusReport.Rollout rollout = null;
    if (app.activeRolloutId() != null) {
      var r = api.getRollout(app.id(), app.activeRolloutId());
      var p = r.progress();
      rollout =
          new StatusReport.Rollout(
              r.id(),
              r.status(),
              p == null ? null : p.currentStep(),
              p == null ? null : p.totalSteps(),
              p == null ? null : p.updatedInstances(),
              p == null ? null : p.totalInstances());
      lines.add(
          "  rollout "
              + r.id()
              + ": "
              + r.status()
              + (p == null
                  ? ""
                  : ", step "
                      + p.currentStep()
                      + " of "
                      + p.totalSteps()
                      + ", "
                      + p.updatedInstances()
                      + " of "
                      + p.totalInstances()
                      + " instance(s) updated"));
    } else {
      lines.add("  rollout: none active");
    }
    var expected = ExpectedImage.of(settings, container, deployedImage, engine);
    var drift =
        new ArrayList<>(
            Drift.of(
                container,
                expected.reference() == null ? deployedImage : expected.reference(),
                app));
    var ns = namespaces.get(app.namespaceId());
    if (ns == null || !settings.workerName().equals(ns.script())) {
      drift.add(
          "durable_objects.namespace_id: "
              + (ns == null
                  ? app.namespaceId() + " (no such namespace)"
                  : ns.script() + "'s " + ns.className())
              + " -> "
              + settings.workerName()
              + "'s "
              + container.spec().className());
    } else if (!Objects.equals(ns.className(), container.spec().className())) {
      drift.add("class: " + ns.className() + " -> " + container.spec().className());
    }
    lines.add("  drift: " + (drift.isEmpty() ? "none" : String.join("; ", drift)));
    if (expected.unknownBecause() != null) {
      lines.add("  image drift unknown: " + expected.unknownBecause());
    }
    return new StatusReport.Container(
        app.name(),
        container.spec().className(),
        app.id(),
        deployedImage,
        health,
        states,
        rollout,
        drift,
        expected.unknownBecause());
  }

  /** The deploy's own settings, so its Worker plan compares exactly what a deploy would upload. */
  private static DeploySettings deploySettings(StatusSettings s) {
    return new DeploySettings(
        s.accountId(),
        s.registryHost(),
        s.worker(),
        s.containers(),
        s.build(),
        s.workerBundleDirectory(),
        false,
        s.workerBundleDirectory().getParent());
  }

  private String workersDevUrl(String name) {
    var subdomain = api.getScriptSubdomain(name);
    if (!Boolean.TRUE.equals(subdomain.enabled())) {
      return null;
    }
    return api.findAccountSubdomain().map(s -> CloudflareApi.workersDevUrl(name, s)).orElse(null);
  }

  private static Map<String, Integer> health(Application app) {
    if (app.health() == null || app.health().instances() == null) {
      return null;
    }
    var h = app.health().instances();
    var counts = new LinkedHashMap<String, Integer>();
    counts.put("active", h.active());
    counts.put("healthy", h.healthy());
    counts.put("failed", h.failed());
    counts.put("starting", h.starting());
    counts.put("scheduling", h.scheduling());
    counts.values().removeIf(Objects::isNull);
    return counts;
  }

  /** The schema leaves {@code state} open: a string, or an object with {@code current}. */
  private static String state(ContainerInstance instance) {
    var s = instance.state();
    if (s == null || s.isNull()) {
      return "unknown";
    }
    if (s.isTextual()) {
      return s.asText();
    }
    return s.path("current").asText("unknown");
  }

  private static String describe(Map<String, Integer> counts) {
    var parts = new ArrayList<String>();
    counts.forEach((k, v) -> parts.add(v + " " + k));
    return String.join(", ", parts);
  }
}
