package io.github.cfcontainers.operate;

import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.CloudflareApiException;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.deploy.MissingRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deletes this project's images from the account's registry the way wrangler's {@code containers
 * images delete} does (src/containers/images.ts): credentials with {@code pull} and {@code push}
 * for 5 minutes, the tags from {@code GET /v2/_catalog?tags=true}, per tag HEAD (its digest) then
 * DELETE of {@code manifests/<tag>}, then {@code PUT /v2/gc/layers}. Only repositories named
 * exactly {@code <account>/<configured name>} are read, so another project's images never are. A
 * tag already gone counts as done, and the catalog is read again on every run.
 */
final class DestroyImages {

  /** wrangler's getCreds: {@code expiration_minutes: 5, permissions: ["pull", "push"]}. */
  static final int CREDENTIAL_MINUTES = 5;

  static final List<String> PERMISSIONS = List.of("pull", "push");

  private final CloudflareApi api;
  private final DestroyImageRegistry registry;

  DestroyImages(CloudflareApi api, DestroyImageRegistry registry) {
    this.api = api;
    this.registry = registry;
  }

  /** Reads only: credentials and the catalog. */
  DestroyImagePlan plan(DestroySettings.Images images) {
    var auth = credentials(images.registryHost());
    var catalog = registry.catalog(auth);
    // wrangler strips leading slashes from the catalog's names (repo.replace(/^\/+/, "")); exact
    // match after that.
    var tagsByPath = new HashMap<String, List<String>>();
    catalog
        .repositories()
        .forEach(
            (name, tags) ->
                tagsByPath.merge(
                    name.replaceFirst("^/+", ""),
                    tags,
                    (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
    var repos = new ArrayList<DestroyImagePlan.Repository>();
    for (String name : images.repositoryNames()) {
      String path = api.accountId() + "/" + name;
      repos.add(
          new DestroyImagePlan.Repository(
              path,
              tagsByPath.getOrDefault(path, List.of()).stream().distinct().sorted().toList()));
    }
    return new DestroyImagePlan(images.registryHost(), repos, catalog.paged());
  }

  /**
   * Deletes every planned tag, then asks for the layer GC; adds one resource per tag to {@code
   * done}. Fresh credentials: the plan's (5 minutes, as wrangler's) may have expired while the
   * Worker was deleted.
   */
  void apply(DestroyImagePlan plan, Reporter reporter, List<DestroyReport.Resource> done) {
    var auth = credentials(plan.registryHost());
    for (var repo : plan.repositories()) {
      if (repo.tags().isEmpty()) {
        done.add(new DestroyReport.Resource("image", repo.path(), null, "already_absent"));
        continue;
      }
      for (String tag : repo.tags()) {
        String name = repo.path() + ":" + tag;
        var digest = registry.digest(repo.path(), tag, auth);
        boolean deleted = digest.isPresent() && registry.delete(repo.path(), tag, auth);
        done.add(
            new DestroyReport.Resource(
                "image", name, digest.orElse(null), deleted ? "deleted" : "already_absent"));
        reporter.info(
            "Image "
                + name
                + ": "
                + (deleted ? "deleted (" + digest.get() + ")" : "already absent"));
      }
    }
    registry.collectGarbage(auth);
  }

  private RegistryAuth credentials(String registryHost) {
    try {
      var c = api.createRegistryCredentials(registryHost, CREDENTIAL_MINUTES, PERMISSIONS);
      return new RegistryAuth(registryHost, c.username(), c.password());
    } catch (CloudflareApiException e) {
      throw MissingRegistry.explain(
          e,
          "The account has no registry "
              + registryHost
              + " to delete images from (HTTP "
              + e.httpStatus()
              + "). "
              + "Nothing was deleted.",
          "the registry the images were pushed to");
    }
  }
}
