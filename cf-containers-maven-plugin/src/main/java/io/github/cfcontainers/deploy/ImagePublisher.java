package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.config.Platforms;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gets a container's image into the registry: a HEAD on the manifest first, and a push only when
 * the registry lacks that exact image.
 */
final class ImagePublisher {

  private static final String PREBUILT_PLATFORM_FIX =
      "use an image built for "
          + Platforms.CLOUDFLARE
          + " (docker build --platform "
          + Platforms.CLOUDFLARE
          + ")";

  private final ContainerEngine engine;
  private final ManifestLookup manifests;
  private final Reporter reporter;

  ImagePublisher(ContainerEngine engine, ManifestLookup manifests, Reporter reporter) {
    this.engine = engine;
    this.manifests = manifests;
    this.reporter = reporter;
  }

  /**
   * An image already deployed as this digest: nothing to read or push. Said as it is:
   * deployment.json is trusted here, the registry is not read.
   */
  PublishedImage deployed(String label, ImageTarget target, String digest) {
    return pinned(
        label,
        target,
        digest,
        PublishedImage.Outcome.ALREADY_IN_REGISTRY,
        "already deployed",
        " (deployment.json records this build's image; the registry is not read)");
  }

  /** Credentials are minted at the first registry read, not for an external image. */
  PublishedImage publish(
      String label, ImageTarget target, PushCredentials registry, boolean apply) {
    if (!target.pushed() && !target.registry().equals(registry.registryHost())) {
      reporter.info(
          "Image of "
              + label
              + ": "
              + target.taggedReference()
              + " (external registry, not pushed)");
      return new PublishedImage(target.taggedReference(), null, PublishedImage.Outcome.EXTERNAL);
    }
    RegistryAuth auth = registry.auth();
    Optional<String> remote =
        manifests.digest(target.registry(), target.repositoryPath(), target.tag(), auth);
    if (!target.pushed()) {
      String digest =
          remote.orElseThrow(
              () ->
                  new CfException(
                      imageOf(target, label)
                          + " is not in the registry: push it first, or configure <build> instead of <image>."));
      requireCloudflarePlatform(target, label, digest, auth);
      return pinned(label, target, digest, PublishedImage.Outcome.ALREADY_IN_REGISTRY);
    }
    var image = localImage(engine, target, label);
    if (remote.isPresent()
        && (target.contentTagged()
            || image.repoDigests().contains(target.repository() + "@" + remote.get()))) {
      return pinned(label, target, remote.get(), PublishedImage.Outcome.ALREADY_IN_REGISTRY);
    }
    if (!apply) {
      reporter.info("Image of " + label + ": push " + target.taggedReference());
      return new PublishedImage(target.taggedReference(), null, PublishedImage.Outcome.WILL_PUSH);
    }
    reporter.info("Image of " + label + ": pushing " + target.taggedReference());
    engine.tag(image.id(), target.repository(), target.tag());
    String digest =
        engine.push(target.repository(), target.tag(), auth, line -> reporter.info("  " + line));
    return pinned(label, target, digest, PublishedImage.Outcome.PUSHED);
  }

  /** The local image a target pushes; fails when the engine lacks it. */
  static ContainerEngine.LocalImage localImage(
      ContainerEngine engine, ImageTarget target, String label) {
    String local = target.localReference().orElseThrow();
    return engine
        .inspect(local)
        .orElseThrow(
            () ->
                new CfException(
                    "The local image "
                        + local
                        + " of "
                        + label
                        + " is not in the Docker engine: run 'mvn package' (cf:build) before deploying."));
  }

  /**
   * Cloudflare runs only linux/amd64: an image for another platform would be pushed and then fail
   * to start, so refuse it before any push. An engine that does not state the platform is taken at
   * its word (a debug line says so).
   */
  static void requireCloudflarePlatform(
      ContainerEngine.LocalImage image,
      ImageTarget target,
      String label,
      boolean built,
      Reporter reporter) {
    if (image.os() == null || image.architecture() == null) {
      reporter.debug(
          "The engine does not state the platform of "
              + target.localReference().orElseThrow()
              + ": the linux/amd64 check is skipped.");
      return;
    }
    if (!Platforms.CLOUDFLARE.equals(image.platform())) {
      throw new InvalidSettingException(
          built
              ? Setting.ofContainer(label, "build", "platform")
              : Setting.ofContainer(label, "image"),
          "The image "
              + target.localReference().orElseThrow()
              + " of "
              + label
              + " is built for "
              + image.platform()
              + ", but Cloudflare runs only "
              + Platforms.CLOUDFLARE
              + ". Nothing was pushed or changed.",
          built
              ? "remove <platform> (or set it to "
                  + Platforms.CLOUDFLARE
                  + ") and run 'mvn package' again"
              : PREBUILT_PLATFORM_FIX);
    }
  }

  /**
   * A prebuilt image already in the registry: its manifest says which platforms it offers, when it
   * says.
   */
  private void requireCloudflarePlatform(
      ImageTarget target, String label, String digest, RegistryAuth auth) {
    Optional<Set<String>> platforms;
    try {
      platforms = manifests.platforms(target.registry(), target.repositoryPath(), digest, auth);
    } catch (CfException e) {
      platforms = Optional.empty();
      reporter.debug(
          "Reading the platforms of " + target.taggedReference() + " failed: " + e.getMessage());
    }
    if (platforms.isEmpty()) {
      reporter.debug(
          "The registry does not say which platforms "
              + target.taggedReference()
              + " offers: the "
              + Platforms.CLOUDFLARE
              + " check is skipped.");
      return;
    }
    if (!platforms.get().contains(Platforms.CLOUDFLARE)) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "image"),
          imageOf(target, label)
              + " is built for "
              + String.join(", ", new TreeSet<>(platforms.get()))
              + ", but Cloudflare runs only "
              + Platforms.CLOUDFLARE
              + ". Nothing was pushed or changed.",
          PREBUILT_PLATFORM_FIX);
    }
  }

  /** "The image {@code reference} of {@code label}", how every message about a target begins. */
  static String imageOf(ImageTarget target, String label) {
    return "The image " + target.taggedReference() + " of " + label;
  }

  private PublishedImage pinned(
      String label, ImageTarget target, String digest, PublishedImage.Outcome outcome) {
    String verb = outcome == PublishedImage.Outcome.PUSHED ? "pushed" : "already in the registry";
    return pinned(label, target, digest, outcome, verb, "");
  }

  private PublishedImage pinned(
      String label,
      ImageTarget target,
      String digest,
      PublishedImage.Outcome outcome,
      String verb,
      String note) {
    String reference = target.repository() + "@" + digest;
    reporter.info("Image of " + label + ": " + verb + " as " + reference + note);
    return new PublishedImage(reference, digest, outcome);
  }
}
