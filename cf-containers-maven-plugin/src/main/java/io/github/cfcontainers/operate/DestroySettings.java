package io.github.cfcontainers.operate;

import java.util.List;

/**
 * What to destroy: the Worker by name, and the container names the POM configures (used only to
 * find an application whose namespace is already gone; see {@link DestroyPlanner}).
 *
 * @param images null to keep the images (the default); else which of the account's repositories are
 *     this project's
 */
public record DestroySettings(String workerName, List<String> containerNames, Images images) {

  /**
   * The repositories this project pushes to: {@code <registryHost>/<account>/<name>} for each name.
   * Built images go to the container's name; a prebuilt local {@code name:tag} is pushed to its own
   * name.
   */
  public record Images(String registryHost, List<String> repositoryNames) {
    public Images {
      repositoryNames = List.copyOf(repositoryNames);
    }
  }

  public DestroySettings {
    containerNames = List.copyOf(containerNames);
  }

  public DestroySettings(String workerName, List<String> containerNames) {
    this(workerName, containerNames, null);
  }
}
