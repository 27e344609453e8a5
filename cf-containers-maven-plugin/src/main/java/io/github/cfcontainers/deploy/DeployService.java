// Over 300 lines: the deploy's named steps in order, each short; what a step does lives in its
// publisher.
package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.deploy.ParallelReads.Read;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans and applies a deployment in the order that keeps a failure harmless: every check and read
 * first (the independent reads at once), then images, then the Worker, then the applications, then
 * workers.dev. The engine is used, and registry credentials minted, only for an image that may need
 * pushing.
 */
public final class DeployService {

  static final String NOTHING_CHANGED = "Nothing was changed.";

  private final CloudflareApi api;
  private final ContainerEngine engine;
  private final Reporter reporter;
  private final RolloutWatcher watcher;
  private final DeployPreflight preflight;
  private final ImagePublisher publisher;
  private final WorkerPublisher workers;
  private final ApplicationPublisher applications;

  /**
   * @param engine called only when an image may be pushed: pass a lazily connecting one
   */
  public DeployService(
      CloudflareApi api,
      ContainerEngine engine,
      ManifestLookup manifests,
      Reporter reporter,
      RolloutWatcher watcher) {
    this.api = api;
    this.engine = engine;
    this.reporter = reporter;
    this.watcher = watcher;
    this.preflight = new DeployPreflight(api, reporter);
    this.publisher = new ImagePublisher(engine, manifests, reporter);
    this.workers = new WorkerPublisher(api);
    this.applications = new ApplicationPublisher(api);
  }

  /** The plan: made whole before the first change, so a conflict stops while nothing moved. */
  private record Plan(
      Map<ApplicationSpec, ImageTarget> targets,
      Map<ApplicationSpec, PublishedImage> images,
      WorkerPlan worker,
      Map<String, String> namespaces,
      List<ApplicationPlan> applications) {}

  private record Applied(List<ApplicationPlan> plans, List<ApplicationPublisher.Applied> results) {}

  /** With {@code apply} false nothing changes remotely (cf:plan, -Dcf.dryRun). */
  public DeploymentReport deploy(DeploySettings settings, boolean apply) {
    DeployPreflight.requireBundle(settings);
    try (var reads = new ParallelReads()) {
      var remote = RemoteState.start(api, settings, reads);
      // only a deploy turns the route on; it is read with the plan's reads, a round trip less
      var workersDev =
          apply && settings.worker().workersDev()
              ? WorkersDev.start(api, settings.worker().name(), remote.service(), reads)
              : null;
      var targets = preflight.check(settings, remote);
      var registry = new PushCredentials(api, settings.registryHost());
      var plan =
          plan(settings, targets, planImages(settings, targets, remote, registry), remote, reads);
      if (!apply) {
        String action = plan.worker().upload() ? "upload" : "no change";
        return report(false, settings, plan, action, null, null, plan.images(), null);
      }
      var images = applyImages(settings, plan, registry);
      String versionId = applyWorker(settings, plan.worker());
      var applied = applyApplications(settings, plan, images);
      String url =
          settings.worker().workersDev()
              ? WorkersDev.enable(
                  api, reporter, settings.worker().name(), workersDev, plan.worker().upload())
              : null;
      String action = plan.worker().upload() ? "uploaded" : "no change";
      return report(true, settings, plan, action, versionId, url, images, applied);
    }
  }

  /** What deployment.json records; {@code applied} null for a plan. */
  private static DeploymentReport report(
      boolean apply,
      DeploySettings settings,
      Plan plan,
      String workerAction,
      String versionId,
      String url,
      Map<ApplicationSpec, PublishedImage> images,
      Applied applied) {
    return new DeploymentReport(
        apply,
        new DeploymentReport.Worker(settings.worker().name(), workerAction, versionId, url),
        DeployReports.containers(
            settings,
            plan.targets(),
            images,
            applied == null ? plan.applications() : applied.plans(),
            applied == null ? List.of() : applied.results()));
  }

  /** Each image: already deployed (nothing read), in the registry, or to push. */
  private Map<ApplicationSpec, PublishedImage> planImages(
      DeploySettings settings,
      Map<ApplicationSpec, ImageTarget> targets,
      RemoteState remote,
      PushCredentials registry) {
    var deployed = DeployedImages.read(settings.outputDirectory(), reporter);
    var digests = new LinkedHashMap<ApplicationSpec, Optional<String>>();
    var pushing = new LinkedHashMap<ApplicationSpec, ImageTarget>();
    for (var container : settings.containers()) {
      var target = targets.get(container);
      var digest =
          deployed.digest(
              container, target, settings.image(container), remote.applications().get(container));
      digests.put(container, digest);
      if (target.pushed() && digest.isEmpty()) {
        pushing.put(container, target);
      }
    }
    preflight.checkLocalImages(settings, pushing, engine);
    var images = new LinkedHashMap<ApplicationSpec, PublishedImage>();
    for (var container : settings.containers()) {
      String label = container.spec().label();
      var target = targets.get(container);
      images.put(
          container,
          digests
              .get(container)
              .map(digest -> publisher.deployed(label, target, digest))
              .orElseGet(() -> publisher.publish(label, target, registry, false)));
    }
    return images;
  }

  /** The Worker and each application planned against the state read; their reads in parallel. */
  private Plan plan(
      DeploySettings settings,
      Map<ApplicationSpec, ImageTarget> targets,
      Map<ApplicationSpec, PublishedImage> images,
      RemoteState remote,
      ParallelReads reads) {
    var remoteNamespaces = remote.namespaces().get();
    var service = remote.service();
    var workerPlan = reads.start(() -> workers.plan(settings, remoteNamespaces, service::get));
    var namespaces = namespaceIds(settings, remoteNamespaces);
    var appPlans = new ArrayList<Read<ApplicationPlan>>();
    for (var container : settings.containers()) {
      String namespace = plannedNamespace(container, namespaces);
      var existing = remote.applications().get(container);
      appPlans.add(
          reads.start(
              () -> applications.plan(container, namespace, images.get(container), existing::get)));
    }
    var worker = workerPlan.get();
    reporter.info("Worker " + settings.worker().name() + ": " + worker.describe());
    if (!worker.deletedClasses().isEmpty()) {
      reporter.warn(
          "Deploying deletes the Durable Object class(es) "
              + String.join(", ", worker.deletedClasses())
              + " with their namespaces and all their stored data: the Worker no longer exports them and no container"
              + " configures them. Export the class again (or use <renamedFrom>) to keep the data.");
    }
    var plans = new ArrayList<ApplicationPlan>();
    for (var read : appPlans) {
      var plan = read.get();
      plans.add(plan);
      reporter.info("Application " + plan.container().spec().name() + ": " + plan.describe());
    }
    return new Plan(targets, images, worker, namespaces, plans);
  }

  private Map<ApplicationSpec, PublishedImage> applyImages(
      DeploySettings settings, Plan plan, PushCredentials registry) {
    var images = new LinkedHashMap<ApplicationSpec, PublishedImage>();
    for (var container : settings.containers()) {
      var planned = plan.images().get(container);
      images.put(
          container,
          planned.outcome() == PublishedImage.Outcome.WILL_PUSH
              ? publisher.publish(
                  container.spec().label(), plan.targets().get(container), registry, true)
              : planned);
    }
    return images;
  }

  /** Uploads the Worker when the plan says so; its version id, else null. */
  private String applyWorker(DeploySettings settings, WorkerPlan plan) {
    if (!plan.upload()) {
      return null;
    }
    String name = settings.worker().name();
    var uploaded = workers.upload(name, plan);
    var result = uploaded.result();
    if (uploaded.recoveredFrom() != null) {
      reporter.warn(
          "Worker "
              + name
              + ": the upload failed ("
              + uploaded.recoveredFrom()
              + "), but reading the Worker back shows this same Worker deployed (the upload took effect, or another"
              + " deploy of this project uploaded it meanwhile); continuing.");
    } else {
      reporter.info(
          "Worker "
              + name
              + ": uploaded version "
              + result.deploymentId()
              + (result.migrationTag() == null
                  ? ""
                  : " (migration tag " + result.migrationTag() + ")"));
    }
    return result.deploymentId();
  }

  private Applied applyApplications(
      DeploySettings settings, Plan plan, Map<ApplicationSpec, PublishedImage> images) {
    var worker = plan.worker();
    var namespacesNow =
        worker.newClasses().isEmpty() && worker.renamedClasses().isEmpty()
            ? plan.namespaces()
            : namespaceIds(settings, api.listDurableObjectNamespaces());
    var applied = new ArrayList<ApplicationPublisher.Applied>();
    var finalPlans = new ArrayList<ApplicationPlan>();
    for (int i = 0; i < settings.containers().size(); i++) {
      var container = settings.containers().get(i);
      String namespaceId = namespacesNow.get(container.spec().className());
      if (namespaceId == null) {
        throw new CfException(
            "The Worker upload did not create the Durable Object namespace of "
                + container.spec().label()
                + "; check the class is exported and the migration applied.");
      }
      var planned = plan.applications().get(i);
      var final_ = replan(container, planned, namespaceId, plan, images);
      var result = applications.apply(final_, namespaceId);
      finalPlans.add(final_);
      applied.add(result);
      reportApplied(settings, final_, result);
    }
    return new Applied(finalPlans, applied);
  }

  /** A pushed digest or a namespace the upload created changes the plan: make it again. */
  private ApplicationPlan replan(
      ApplicationSpec container,
      ApplicationPlan planned,
      String namespaceId,
      Plan plan,
      Map<ApplicationSpec, PublishedImage> images) {
    if (images.get(container) == plan.images().get(container)
        && namespaceId.equals(plannedNamespace(container, plan.namespaces()))) {
      return planned;
    }
    var again = applications.plan(container, namespaceId, images.get(container));
    if (again.action() != planned.action() || !again.changes().equals(planned.changes())) {
      reporter.info("Application " + container.spec().name() + ": " + again.describe());
    }
    return again;
  }

  private void reportApplied(
      DeploySettings settings, ApplicationPlan plan, ApplicationPublisher.Applied result) {
    String name = plan.container().spec().name();
    if (result.rollout() != null) {
      reporter.info("Application " + name + ": rollout " + result.rollout().id() + " started");
      if (settings.waitForRollouts()) {
        watcher.await(name, result.application().id(), result.rollout().id());
      }
    } else if (plan.action() != ApplicationPlan.Action.NO_CHANGE) {
      reporter.info("Application " + name + ": " + result.application().id() + " created");
    }
  }

  /** The class's namespace, or, while a rename is pending, the namespace it is renamed from. */
  private static String plannedNamespace(
      ApplicationSpec container, Map<String, String> namespaces) {
    String id = namespaces.get(container.spec().className());
    return id != null || container.renamedFrom() == null
        ? id
        : namespaces.get(container.renamedFrom());
  }

  private static Map<String, String> namespaceIds(
      DeploySettings settings, List<DurableObjectNamespace> namespaces) {
    var ids = new LinkedHashMap<String, String>();
    for (DurableObjectNamespace ns : namespaces) {
      if (settings.worker().name().equals(ns.script())) {
        ids.put(ns.className(), ns.id());
      }
    }
    return ids;
  }
}
