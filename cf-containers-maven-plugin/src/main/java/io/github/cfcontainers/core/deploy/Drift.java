package io.github.cfcontainers.core.deploy;

import io.github.cfcontainers.cloudflare.Application;
import java.util.List;

/** The deploy plan's field diff, for goals that compare without deploying (cf:status). */
public final class Drift {

  private Drift() {
  }

  /**
   * What a deploy would change on {@code app}, as "field: deployed -> configured", with {@code image} the reference
   * the deploy would set (pass the deployed one when it is not known, so the image shows no change).
   */
  public static List<String> of(ContainerDeployment container, String image, Application app) {
    return ApplicationPublisher.diff(container, ApplicationPublisher.configuration(container, image), app);
  }
}
