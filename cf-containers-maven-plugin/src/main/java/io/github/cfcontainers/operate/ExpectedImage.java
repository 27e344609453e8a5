package io.github.cfcontainers.operate;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.deploy.ApplicationSpec;
import io.github.cfcontainers.deploy.ImageTarget;

/**
 * The image a deploy would set, worked out without the registry (status asks nothing that needs
 * credentials): a built image matches the deployed digest when the local engine records it was
 * pushed as that digest.
 *
 * @param reference what a deploy would reference, or null when that cannot be known here
 * @param unknownBecause why the image's drift is unknown, or null
 */
record ExpectedImage(String reference, String unknownBecause) {

  static ExpectedImage of(
      StatusSettings settings, ApplicationSpec container, String deployed, ContainerEngine engine) {
    var spec = container.spec();
    if (settings.build() == null) {
      return unknown("no build.json: run 'mvn package' (cf:build) to compare the image");
    }
    BuildReport.Image image =
        settings.build().containers().stream()
            .filter(i -> i.name().equals(spec.name()))
            .findFirst()
            .orElse(null);
    if (image == null) {
      return unknown("build.json has no image for " + spec.label() + ": run 'mvn package'");
    }
    ImageTarget target =
        image.prebuilt()
            ? ImageTarget.forPrebuilt(
                image.image(), settings.registryHost(), settings.accountId(), spec.label())
            : ImageTarget.forBuilt(
                image.image(),
                settings.registryHost(),
                settings.accountId(),
                spec.name(),
                image.tag(),
                spec.tag().isEmpty());
    if (!target.pushed()) {
      boolean pinned = target.tag().startsWith("sha256:");
      return pinned || !target.registry().equals(settings.registryHost())
          ? new ExpectedImage(target.taggedReference(), null)
          : unknown(
              target.taggedReference()
                  + " is a tag; which digest it names is the registry's to say");
    }
    if (engine == null) {
      return unknown("no Docker engine to read the local image " + image.image());
    }
    try {
      var local = engine.inspect(target.localReference().orElseThrow()).orElse(null);
      if (local == null) {
        return unknown("the local image " + image.image() + " is not in the Docker engine");
      }
      return new ExpectedImage(
          deployed != null && local.repoDigests().contains(deployed)
              ? deployed
              : target.taggedReference(),
          null);
    } catch (RuntimeException e) {
      return unknown("the Docker engine could not be read (" + e.getMessage() + ")");
    }
  }

  private static ExpectedImage unknown(String why) {
    return new ExpectedImage(null, why);
  }
}
