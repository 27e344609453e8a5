package io.github.cfcontainers.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.operate.DestroyImageRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Lists and deletes images in Cloudflare's registry as wrangler's {@code containers images
 * list/delete} do (src/containers/images.ts): the catalog with tags, HEAD then DELETE of {@code
 * manifests/<tag>}, then the layer GC. Same transport and TLS rules as {@link RegistryManifests};
 * the credentials never appear in a message.
 */
public final class RegistryImages implements DestroyImageRegistry {

  /** wrangler's manifestAcceptHeader for the HEAD and DELETE. */
  static final String MANIFEST_ACCEPT =
      "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";

  private final RegistryHttp http;

  public RegistryImages(RegistryManifests manifests) {
    this.http = manifests.http();
  }

  @Override
  public Catalog catalog(RegistryAuth auth) {
    var response =
        http.send("GET", auth.registry(), "/v2/_catalog?tags=true", "application/json", null, auth);
    if (response.statusCode() != 200) {
      throw failed("listing the repository catalog (GET /v2/_catalog?tags=true)", auth, response);
    }
    JsonNode body;
    try {
      body = new ObjectMapper().readTree(response.body());
    } catch (IOException e) {
      throw new CfException(
          "The registry " + auth.registry() + " answered the catalog with no JSON.", e);
    }
    JsonNode repos = body == null ? null : body.path("repositories");
    if (repos == null || !(repos.isObject() || repos.isMissingNode() || repos.isNull())) {
      throw new CfException(
          "The registry "
              + auth.registry()
              + " answered the catalog without a repositories map"
              + " ({\"repositories\":{name:[tags]}}, as Cloudflare's registry answers ?tags=true).");
    }
    var out = new LinkedHashMap<String, List<String>>();
    repos
        .fields()
        .forEachRemaining(
            e -> {
              var tags = new ArrayList<String>();
              e.getValue().forEach(t -> tags.add(t.asText()));
              out.merge(
                  e.getKey().replaceFirst("^/+", ""),
                  tags,
                  (a, b) -> {
                    var all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                  });
            });
    String cursor = body.path("cursor").asText("");
    return new Catalog(out, !cursor.isEmpty());
  }

  @Override
  public Optional<String> digest(String repositoryPath, String tag, RegistryAuth auth) {
    var response =
        http.send(
            "HEAD", auth.registry(), manifest(repositoryPath, tag), MANIFEST_ACCEPT, null, auth);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw failed("reading " + repositoryPath + ":" + tag, auth, response);
    }
    return Optional.of(
        RegistryHttp.contentDigest(response, auth.registry(), repositoryPath + ":" + tag));
  }

  @Override
  public boolean delete(String repositoryPath, String tag, RegistryAuth auth) {
    var response =
        http.send(
            "DELETE", auth.registry(), manifest(repositoryPath, tag), MANIFEST_ACCEPT, null, auth);
    if (response.statusCode() == 404) {
      return false;
    }
    if (response.statusCode() / 100 != 2) {
      throw failed("deleting " + repositoryPath + ":" + tag, auth, response);
    }
    return true;
  }

  @Override
  public void collectGarbage(RegistryAuth auth) {
    var response =
        http.send(
            "PUT", auth.registry(), "/v2/gc/layers", "application/json", "application/json", auth);
    if (response.statusCode() / 100 != 2) {
      throw failed("starting the layer garbage collection (PUT /v2/gc/layers)", auth, response);
    }
  }

  private static String manifest(String repositoryPath, String tag) {
    return "/v2/" + repositoryPath + "/manifests/" + tag;
  }

  private static CfException failed(String what, RegistryAuth auth, HttpResponse<byte[]> response) {
    String why =
        switch (response.statusCode()) {
          case 401, 403 -> " (the registry refused the credentials)";
          default -> "";
        };
    return new CfException(
        "The registry "
            + auth.registry()
            + " answered HTTP "
            + response.statusCode()
            + " "
            + what
            + why
            + ".");
  }
}
