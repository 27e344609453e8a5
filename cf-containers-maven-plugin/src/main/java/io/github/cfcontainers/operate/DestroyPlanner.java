package io.github.cfcontainers.operate;

import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Finds what belongs to the Worker, from reads only. An application is this Worker's when its
 * {@code durable_objects.namespace_id} is a namespace whose {@code script} is the Worker (the
 * public namespace list, as wrangler's worker-applications.ts does). One more case: an application
 * with a configured name whose namespace no longer exists on the account (the Worker was deleted
 * without its applications, e.g. by {@code wrangler delete}) is an orphan nobody else can own, and
 * is deleted too, since it keeps running and billing. An application with a configured name that
 * serves another Worker's namespace is never touched.
 */
final class DestroyPlanner {

  private final CloudflareApi api;

  DestroyPlanner(CloudflareApi api) {
    this.api = api;
  }

  DestroyPlan plan(DestroySettings settings) {
    String worker = settings.workerName();
    boolean workerExists = api.listScripts().stream().anyMatch(s -> worker.equals(s.id()));
    Map<String, DurableObjectNamespace> byId = new HashMap<>();
    var own = new ArrayList<String>();
    for (var ns : api.listDurableObjectNamespaces()) {
      byId.put(ns.id(), ns);
      if (worker.equals(ns.script())) {
        own.add(ns.className() + " (" + ns.id() + ")");
      }
    }
    var targets = new ArrayList<DestroyPlan.Target>();
    var spared = new ArrayList<DestroyPlan.Target>();
    var found = new LinkedHashSet<String>();
    for (Application app : api.listApplications()) {
      var ns = app.namespaceId() == null ? null : byId.get(app.namespaceId());
      boolean configured = settings.containerNames().contains(app.name());
      if (ns != null && worker.equals(ns.script())) {
        targets.add(
            new DestroyPlan.Target(
                app.name(), app.id(), "serves " + worker + "'s " + ns.className()));
        found.add(app.name());
      } else if (configured && ns == null && app.namespaceId() != null) {
        targets.add(
            new DestroyPlan.Target(
                app.name(),
                app.id(),
                "configured here; its namespace " + app.namespaceId() + " no longer exists"));
        found.add(app.name());
      } else if (configured) {
        spared.add(
            new DestroyPlan.Target(
                app.name(),
                app.id(),
                ns == null
                    ? "it is bound to no Durable Object namespace"
                    : "it serves Worker " + ns.script() + "'s " + ns.className()));
        found.add(app.name());
      }
    }
    List<String> absent =
        settings.containerNames().stream().filter(n -> !found.contains(n)).toList();
    return new DestroyPlan(worker, targets, absent, workerExists, own, spared);
  }
}
