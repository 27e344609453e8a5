package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.CloudflareApiException;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.config.WorkerExports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything that can be checked without changing anything: access, engine, sizes, exports. */
final class DeployPreflight {

  private final CloudflareApi api;
  private final Reporter reporter;

  DeployPreflight(CloudflareApi api, Reporter reporter) {
    this.api = api;
    this.reporter = reporter;
  }

  /** Before any request: the bundle build.json recorded exports every container's class. */
  static void requireBundle(DeploySettings settings) {
    BuildReport build = settings.build();
    if (build.workerBundle() == null) {
      throw new CfException(
          "build.json has no Worker bundle: a deploy needs the Worker that routes to the"
              + " containers (worker/package.json, or <worker><directory>); run 'mvn package' after adding it.");
    }
    WorkerExports.requireExported(
        Set.copyOf(build.workerBundle().exports()),
        settings.containers().stream().map(ApplicationSpec::spec).toList(),
        "bundle in build.json");
  }

  /** Access, the account's limits, each image's target and the registries; the targets. */
  Map<ApplicationSpec, ImageTarget> check(DeploySettings settings, RemoteState remote) {
    ApiAccess.require(
        api,
        "Workers",
        "Workers Scripts: Edit",
        remote.scripts()::get,
        DeployService.NOTHING_CHANGED);
    var account =
        ApiAccess.require(
            api,
            "Containers",
            "Containers: Edit",
            remote.account()::get,
            DeployService.NOTHING_CHANGED);
    AccountChecks.checkLimits(settings.containers(), account, reporter);
    var targets = new LinkedHashMap<ApplicationSpec, ImageTarget>();
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
      targets.put(container, target);
    }
    AccountChecks.checkRegistries(
        targets, settings.registryHost(), this::configuredRegistries, reporter);
    return targets;
  }

  /**
   * The engine holds each image to push, built for Cloudflare's platform; {@code pushing} are the
   * containers whose image may be pushed (not already deployed).
   */
  void checkLocalImages(
      DeploySettings settings, Map<ApplicationSpec, ImageTarget> pushing, ContainerEngine engine) {
    if (pushing.isEmpty()) {
      return;
    }
    reporter.info("Using " + engine.ping());
    for (var entry : pushing.entrySet()) {
      var target = entry.getValue();
      String label = entry.getKey().spec().label();
      var local = ImagePublisher.localImage(engine, target, label);
      ImagePublisher.requireCloudflarePlatform(
          local, target, label, !settings.image(entry.getKey()).prebuilt(), reporter);
    }
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
      ApplicationSpec container, ImageTarget target, boolean prebuilt) {
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

  /** Cloudflare refuses an image that does not fit the instance disk; say so before pushing it. */
  private static void checkFitsDisk(ApplicationSpec container, BuildReport.Image image) {
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
              Locale.ROOT,
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
}
