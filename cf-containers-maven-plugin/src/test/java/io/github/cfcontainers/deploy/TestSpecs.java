package io.github.cfcontainers.deploy;

import io.github.cfcontainers.config.ContainerSpec;
import io.github.cfcontainers.config.PrebuiltImage;
import java.util.Optional;

/** The container settings most deploy, status and rollback tests start from. */
public final class TestSpecs {

  private TestSpecs() {}

  /**
   * The default deployment of one prebuilt container: lite, default scheduling, anywhere, logs on,
   * the default rollout, no adopt, no rename.
   */
  public static ApplicationSpec application(
      String className, String name, String binding, String image, int maxInstances) {
    return new ApplicationSpec(
        new ContainerSpec(className, name, Optional.empty(), new PrebuiltImage(image)),
        binding,
        new ContainerSize.Named(InstanceType.LITE),
        maxInstances,
        "default",
        Constraints.NONE,
        true,
        RolloutPolicy.DEFAULT,
        false,
        null);
  }
}
