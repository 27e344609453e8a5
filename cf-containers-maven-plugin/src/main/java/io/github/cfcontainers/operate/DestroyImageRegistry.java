package io.github.cfcontainers.operate;

import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls wrangler's {@code containers images} commands make on Cloudflare's registry (wrangler
 * src/containers/images.ts); the registry adapter implements them. The registry host is the auth's.
 */
public interface DestroyImageRegistry {

  /** {@code GET /v2/_catalog?tags=true}: repository path ({@code <account>/<name>}) to its tags. */
  Catalog catalog(RegistryAuth auth);

  /** {@code HEAD /v2/<repository>/manifests/<tag>}: the digest, or empty when the tag is gone. */
  Optional<String> digest(String repositoryPath, String tag, RegistryAuth auth);

  /** {@code DELETE /v2/<repository>/manifests/<tag>}: false when it was already gone (404). */
  boolean delete(String repositoryPath, String tag, RegistryAuth auth);

  /**
   * {@code PUT /v2/gc/layers}: Cloudflare's registry frees the layers no manifest references any
   * more.
   */
  void collectGarbage(RegistryAuth auth);

  /**
   * @param repositories repository name as the registry lists it (wrangler strips leading slashes)
   *     to its tags
   * @param paged true when the answer carried a {@code cursor}: there are more repositories than
   *     listed
   */
  record Catalog(Map<String, List<String>> repositories, boolean paged) {
    public Catalog {
      repositories = Map.copyOf(repositories);
    }
  }
}
