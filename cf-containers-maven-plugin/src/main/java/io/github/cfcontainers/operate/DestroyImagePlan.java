package io.github.cfcontainers.operate;

import java.util.ArrayList;
import java.util.List;

/**
 * The images a destroy deletes: every tag of this project's repositories, as the registry lists
 * them now (not deployment.json, which a fresh checkout has not got).
 *
 * @param repositories one entry per configured repository, in the POM's order; no tags = already
 *     absent
 * @param paged the registry's catalog was paged (a cursor): a repository missing from it may still
 *     exist
 */
public record DestroyImagePlan(String registryHost, List<Repository> repositories, boolean paged) {

  /**
   * @param path {@code <account>/<name>}
   */
  public record Repository(String path, List<String> tags) {
    public Repository {
      tags = List.copyOf(tags);
    }
  }

  public DestroyImagePlan {
    repositories = List.copyOf(repositories);
  }

  List<String> describe() {
    var lines = new ArrayList<String>();
    for (var repo : repositories) {
      lines.add(
          "Image "
              + registryHost
              + "/"
              + repo.path()
              + ": "
              + (repo.tags().isEmpty()
                  ? "already absent"
                  : "delete tag(s) " + String.join(", ", repo.tags())));
    }
    lines.add("Registry " + registryHost + ": then free unreferenced layers (PUT /v2/gc/layers)");
    return lines;
  }
}
