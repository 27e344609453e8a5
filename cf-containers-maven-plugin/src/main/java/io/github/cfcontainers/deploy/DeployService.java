package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.CloudflareApiException;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.cloudflare.model.RegistryCredentials;
import io.github.cfcontainers.cloudflare.model.Rollout;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.config.WorkerExports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans and applies a deployment in the order that keeps a failure harmless: every check and read
 * first, then images, then the Worker, then the applications, then workers.dev.
 */
public final class DeployService {

  private static final String NOTHING_CHANGED = "Nothing was changed.";

  /** Pushes of large images outlive the API's 15-minute default. */
  static final int CREDENTIAL_MINUTES = 60;

  private final CloudflareApi api;
  private final ContainerEngine engine;
  private final ManifestLookup manifests;
  private final Reporter reporter;
  private final RolloutWatcher watcher;

  public DeployService(
      CloudflareApi api,
      ContainerEngine engine,
      ManifestLookup manifests,
      Reporter reporter,
      RolloutWatcher watcher) {
    this.api = api;
    this.engine = engine;
    this.manifests = manifests;
    this.reporter = reporter;
    this.watcher = watcher;
  }

  /** With {@code apply} false nothing changes remotely (cf:plan, -Dcf.dryRun). */
  public DeploymentReport deploy(DeploySettings settings, boolean apply) {
    var targets = preflight(settings);
    var credentials = pushCredentials(settings.registryHost());
    var auth =
        new RegistryAuth(settings.registryHost(), credentials.username(), credentials.password());
    var publisher = new ImagePublisher(engine, manifests, reporter);
    var workers = new WorkerPublisher(api);
    var applications = new ApplicationPublisher(api);

    // Plan everything before the first change, so a conflict stops the deploy while nothing has
    // moved.
    var plannedImages = new LinkedHashMap<ContainerDeployment, PublishedImage>();
    for (var container : settings.containers()) {
      plannedImages.put(
          container,
          publisher.publish(container.spec().label(), targets.get(container), auth, false));
    }
    var remoteNamespaces = api.listDurableObjectNamespaces();
    WorkerPlan workerPlan = workers.plan(settings, remoteNamespaces);
    reporter.info("Worker " + settings.worker().name() + ": " + workerPlan.describe());
    if (!workerPlan.deletedClasses().isEmpty()) {
      reporter.warn(
          "Deploying deletes the Durable Object class(es) "
              + String.join(", ", workerPlan.deletedClasses())
              + " with their namespaces and all their stored data: the Worker no longer exports them and no container"
              + " configures them. Export the class again (or use <renamedFrom>) to keep the data.");
    }
    var namespaces = namespaceIds(settings, remoteNamespaces);
    var appPlans = new ArrayList<ApplicationPlan>();
    for (var container : settings.containers()) {
      var plan =
          applications.plan(
              container, plannedNamespace(container, namespaces), plannedImages.get(container));
      appPlans.add(plan);
      reporter.info("Application " + container.spec().name() + ": " + plan.describe());
    }
    if (!apply) {
      return report(
          false,
          settings,
          workerPlan.upload() ? "upload" : "no change",
          null,
          null,
          plannedImages,
          appPlans,
          List.of());
    }

    var images = new LinkedHashMap<ContainerDeployment, PublishedImage>();
    for (var container : settings.containers()) {
      var planned = plannedImages.get(container);
      images.put(
          container,
          planned.outcome() == PublishedImage.Outcome.WILL_PUSH
              ? publisher.publish(container.spec().label(), targets.get(container), auth, true)
              : planned);
    }
    String versionId = null;
    if (workerPlan.upload()) {
      var uploaded = workers.upload(settings.worker().name(), workerPlan);
      var result = uploaded.result();
      versionId = result.deploymentId();
      if (uploaded.recoveredFrom() != null) {
        reporter.warn(
            "Worker "
                + settings.worker().name()
                + ": the upload failed ("
                + uploaded.recoveredFrom()
                + "), but reading the Worker back shows this same Worker deployed (the upload took effect, or another"
                + " deploy of this project uploaded it meanwhile); continuing.");
      } else {
        reporter.info(
            "Worker "
                + settings.worker().name()
                + ": uploaded version "
                + versionId
                + (result.migrationTag() == null
                    ? ""
                    : " (migration tag " + result.migrationTag() + ")"));
      }
    }
    var namespacesNow =
        workerPlan.newClasses().isEmpty() && workerPlan.renamedClasses().isEmpty()
            ? namespaces
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
      // A pushed digest or a namespace the upload created changes the plan: make it again.
      var plan = appPlans.get(i);
      if (images.get(container) != plannedImages.get(container)
          || !namespaceId.equals(plannedNamespace(container, namespaces))) {
        plan = applications.plan(container, namespaceId, images.get(container));
        if (plan.action() != appPlans.get(i).action()
            || !plan.changes().equals(appPlans.get(i).changes())) {
          reporter.info("Application " + container.spec().name() + ": " + plan.describe());
        }
      }
      var result = applications.apply(plan, namespaceId);
      finalPlans.add(plan);
      applied.add(result);
      if (result.rollout() != null) {
        reporter.info(
            "Application "
                + container.spec().name()
                + ": rollout "
                + result.rollout().id()
                + " started");
        if (settings.waitForRollouts()) {
          watcher.await(container.spec().name(), result.application().id(), result.rollout().id());
        }
      } else if (plan.action() != ApplicationPlan.Action.NO_CHANGE) {
        reporter.info(
            "Application "
                + container.spec().name()
                + ": "
                + result.application().id()
                + " created");
      }
    }
    String url = settings.worker().workersDev() ? workersDev(settings.worker().name()) : null;
    return report(
        true,
        settings,
        workerPlan.upload() ? "uploaded" : "no change",
        versionId,
        url,
        images,
        finalPlans,
        applied);
  }

  /** Everything that can be checked without changing anything: access, engine, sizes, exports. */
  private Map<ContainerDeployment, ImageTarget> preflight(DeploySettings settings) {
    BuildReport build = settings.build();
    if (build.workerBundle() == null) {
      throw new CfException(
          "build.json has no Worker bundle: a deploy needs the Worker that routes to the"
              + " containers (worker/package.json, or <worker><directory>); run 'mvn package' after adding it.");
    }
    WorkerExports.requireExported(
        java.util.Set.copyOf(build.workerBundle().exports()),
        settings.containers().stream().map(ContainerDeployment::spec).toList(),
        "bundle in build.json");
    ApiAccess.require(api, "Workers", "Workers Scripts: Edit", api::listScripts, NOTHING_CHANGED);
    var account =
        ApiAccess.require(
            api, "Containers", "Containers: Edit", api::getContainersAccount, NOTHING_CHANGED);
    AccountChecks.checkLimits(settings.containers(), account, reporter);
    var targets = new LinkedHashMap<ContainerDeployment, ImageTarget>();
    boolean engineNeeded = false;
    for (var container : settings.containers()) {
      var image = settings.image(container);
      var target =
          image.prebuilt()
              ? ImageTarget.forPrebuilt(
                  image.image(),
                  settings.registryHost(),
                  settings.accountId(),
                  container.spec().label())
              : ImageTarget.forBuilt(
                  image.image(),
                  settings.registryHost(),
                  settings.accountId(),
                  container.spec().name(),
                  image.tag(),
                  container.spec().tag().isEmpty());
      checkNotLatest(container, target, image.prebuilt());
      checkFitsDisk(container, image);
      engineNeeded |= target.pushed();
      targets.put(container, target);
    }
    AccountChecks.checkRegistries(
        targets, settings.registryHost(), this::configuredRegistries, reporter);
    if (engineNeeded) {
      reporter.info("Using " + engine.ping());
    }
    for (var entry : targets.entrySet()) {
      var target = entry.getValue();
      if (target.pushed()) {
        String label = entry.getKey().spec().label();
        var local = ImagePublisher.localImage(engine, target, label);
        ImagePublisher.requireCloudflarePlatform(
            local, target, label, !settings.image(entry.getKey()).prebuilt(), reporter);
      }
    }
    return targets;
  }

  /**
   * The account's configured registries; unknown (empty) when the list cannot be read or has
   * another shape.
   */
  private Optional<List<String>> configuredRegistries() {
    try {
      return api.listImageRegistryDomains();
    } catch (CloudflareApiException e) {
      reporter.debug("Listing the account's image registries failed: " + e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Cloudflare refuses an application image tagged latest (wrangler cloudchamber/common.ts
   * parseImageName: '"latest" tag is not allowed'), and an untagged reference is latest. Found at
   * the application create, that is after the push and the Worker upload; say so before anything
   * changes.
   */
  private static void checkNotLatest(
      ContainerDeployment container, ImageTarget target, boolean prebuilt) {
    if (!target.tag().equals("latest")) {
      return;
    }
    String label = container.spec().label();
    throw new InvalidSettingException(
        Setting.ofContainer(label, prebuilt ? "image" : "tag"),
        "The image "
            + target.taggedReference()
            + " of "
            + label
            + " is tagged \"latest\""
            + (prebuilt ? " (a reference without a tag is latest too)" : "")
            + ", which Cloudflare does not allow"
            + " for a container. Nothing was changed.",
        prebuilt
            ? "pin a tag, e.g. <image>"
                + target
                    .localReference()
                    .map(l -> l.substring(0, l.lastIndexOf(':')))
                    .orElse(target.repository())
                + ":1.0</image>, or a digest (@sha256:...)"
            : "remove <tag> (the image is then tagged by its content), or pin another tag");
  }

  /**
   * A registry host the account has not got (a wrong -Dcf.registry) is a setting to fix, not a raw
   * API error.
   */
  private RegistryCredentials pushCredentials(String registryHost) {
    try {
      return api.createPushCredentials(registryHost, CREDENTIAL_MINUTES);
    } catch (CloudflareApiException e) {
      if (!e.hasErrorName("IMAGE_REGISTRY_NOT_CONFIGURED") && e.httpStatus() != 404) {
        throw e;
      }
      throw new InvalidSettingException(
          Setting.of("registry").withProperty(PropertyNames.REGISTRY),
          "The account has no registry "
              + registryHost
              + " to push to (HTTP "
              + e.httpStatus()
              + ", "
              + (e.errorName() == null ? "no error name" : e.errorName())
              + "). "
              + NOTHING_CHANGED,
          "leave <registry> and CLOUDFLARE_CONTAINER_REGISTRY unset for Cloudflare's registry"
              + " (registry.cloudflare.com), or set them to this account's registry host");
    }
  }

  /** Cloudflare refuses an image that does not fit the instance disk; say so before pushing it. */
  private static void checkFitsDisk(ContainerDeployment container, BuildReport.Image image) {
    if (image.size() == null) {
      return;
    }
    double neededMb = image.size() * 1.1 / 1_000_000;
    if (neededMb > container.size().diskMb()) {
      boolean custom = container.size() instanceof ContainerSize.Custom;
      String element = custom ? "diskMb" : "instanceType";
      throw new InvalidSettingException(
          Setting.ofContainer(container.spec().label(), element),
          String.format(
              java.util.Locale.ROOT,
              "The image of %s needs about %.0f MB of disk, more than the %d MB its"
                  + " instance has. Nothing was changed.",
              container.spec().label(),
              neededMb,
              container.size().diskMb()),
          custom
              ? "shrink the image, or give it more <diskMb> (and memory)"
              : "shrink the image, or pick a larger <instanceType>");
    }
  }

  /** The class's namespace, or, while a rename is pending, the namespace it is renamed from. */
  private static String plannedNamespace(
      ContainerDeployment container, Map<String, String> namespaces) {
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

  private String workersDev(String script) {
    var state = api.getScriptSubdomain(script);
    if (!Boolean.TRUE.equals(state.enabled())) {
      api.enableScriptSubdomain(script);
      reporter.info("workers.dev: enabled for " + script);
    }
    Optional<String> subdomain = api.findAccountSubdomain();
    if (subdomain.isEmpty()) {
      reporter.warn(
          "The account has no workers.dev subdomain yet: choose one in the Cloudflare dashboard"
              + " (Workers & Pages) to get a URL.");
      return null;
    }
    return CloudflareApi.workersDevUrl(script, subdomain.get());
  }

  private static DeploymentReport report(
      boolean applied,
      DeploySettings settings,
      String workerAction,
      String versionId,
      String url,
      Map<ContainerDeployment, PublishedImage> images,
      List<ApplicationPlan> plans,
      List<ApplicationPublisher.Applied> results) {
    var containers = new ArrayList<DeploymentReport.Container>();
    for (int i = 0; i < plans.size(); i++) {
      var plan = plans.get(i);
      var container = plan.container();
      var result = i < results.size() ? results.get(i) : null;
      String appId =
          result != null
              ? result.application().id()
              : plan.existing() == null ? null : plan.existing().id();
      Rollout rollout = result == null ? null : result.rollout();
      containers.add(
          new DeploymentReport.Container(
              container.spec().name(),
              container.spec().className(),
              appId,
              images.get(container).reference(),
              images.get(container).outcome().name().toLowerCase(java.util.Locale.ROOT),
              plan.action().name().toLowerCase(java.util.Locale.ROOT),
              plan.changes(),
              rollout == null ? null : rollout.id()));
    }
    return new DeploymentReport(
        applied,
        new DeploymentReport.Worker(settings.worker().name(), workerAction, versionId, url),
        containers);
  }
}
