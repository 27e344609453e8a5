package io.github.cfcontainers.operate;

import io.github.cfcontainers.deploy.ApplicationSpec;
import java.util.List;

/**
 * What to roll back: the configured containers (their application names and rollout policies), or
 * only the one named by {@code -Dcf.container}.
 *
 * @param only a container's application name, class name or label, or null for all of them
 * @param waitForRollouts follow each rollback rollout until the instances run it (-Dcf.wait)
 */
public record RollbackSettings(
    List<ApplicationSpec> containers, String only, boolean waitForRollouts) {

  public RollbackSettings {
    containers = List.copyOf(containers);
  }
}
