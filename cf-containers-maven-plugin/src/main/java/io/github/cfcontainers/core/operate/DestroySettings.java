package io.github.cfcontainers.core.operate;

import java.util.List;

/**
 * What to destroy: the Worker by name, and the container names the POM configures (used only to find an
 * application whose namespace is already gone; see {@link DestroyPlanner}).
 */
public record DestroySettings(String workerName, List<String> containerNames) {

  public DestroySettings {
    containerNames = List.copyOf(containerNames);
  }
}
