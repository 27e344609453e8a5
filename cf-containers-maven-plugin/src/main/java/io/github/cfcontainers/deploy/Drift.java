package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import java.util.List;
import java.util.Optional;

/** The deploy plan's field diff, for goals that compare without deploying (cf:status). */
public final class Drift {

  private Drift() {}

  /**
   * What a deploy would change on {@code app}, as "field: deployed -> configured", with {@code
   * image} the reference the deploy would set (pass the deployed one when it is not known, so the
   * image shows no change).
   */
  public static List<String> of(ApplicationSpec container, String image, Application app) {
    return ApplicationPublisher.diff(
        container, ApplicationPublisher.configuration(container, image), app);
  }

  /**
   * What a deploy would do to the Worker (the upload plan's description), or empty when it would
   * not upload. Reads the Worker's service and settings only.
   */
  public static Optional<String> worker(
      CloudflareApi api, DeploySettings settings, List<DurableObjectNamespace> namespaces) {
    var plan = new WorkerPublisher(api).plan(settings, namespaces);
    return plan.upload() ? Optional.of(plan.describe()) : Optional.empty();
  }
}
