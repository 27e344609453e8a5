package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.cloudflare.model.Rollout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** deployment.json's containers, from the plan and what the apply did. */
final class DeployReports {

  private DeployReports() {}

  static List<DeploymentReport.Container> containers(
      DeploySettings settings,
      Map<ApplicationSpec, ImageTarget> targets,
      Map<ApplicationSpec, PublishedImage> images,
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
      var image = images.get(container);
      containers.add(
          new DeploymentReport.Container(
              container.spec().name(),
              container.spec().className(),
              appId,
              image.reference(),
              image.outcome().name().toLowerCase(Locale.ROOT),
              plan.action().name().toLowerCase(Locale.ROOT),
              plan.changes(),
              rollout == null ? null : rollout.id(),
              built(targets.get(container), settings.image(container), image)));
    }
    return containers;
  }

  /** The local image a digest in the registry is known to be, for the next deploy. */
  private static DeploymentReport.Built built(
      ImageTarget target, BuildReport.Image image, PublishedImage published) {
    boolean known =
        published.outcome() == PublishedImage.Outcome.PUSHED
            || published.outcome() == PublishedImage.Outcome.ALREADY_IN_REGISTRY;
    return known && target.pushed() && image.imageId() != null && published.digest() != null
        ? new DeploymentReport.Built(target.taggedReference(), image.imageId())
        : null;
  }
}
