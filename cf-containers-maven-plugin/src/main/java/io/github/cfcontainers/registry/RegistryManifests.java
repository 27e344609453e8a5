package io.github.cfcontainers.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.deploy.ManifestLookup;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks a registry whether it holds a manifest, the cheap way to skip a push, and which platforms an
 * image has; over {@link RegistryHttp}.
 */
public final class RegistryManifests implements ManifestLookup {

  /** Without all of these the registry converts to schema1 and answers another digest. */
  static final String ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json");

  static final String CONFIG_ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.config.v1+json",
          "application/vnd.docker.container.image.v1+json");
  private final RegistryHttp http;

  public RegistryManifests() {
    this(RegistryTls.DEFAULT);
  }

  /** Reads the CA file now, so a bad one is reported before anything is pushed or changed. */
  public RegistryManifests(RegistryTls tls) {
    this.http = new RegistryHttp(tls);
  }

  /** Tests: a shorter TLS probe against their silent plain-HTTP servers. */
  RegistryManifests(RegistryTls tls, Duration loopbackHandshake) {
    this.http = new RegistryHttp(tls, loopbackHandshake);
  }

  /** The transport, shared with {@link RegistryImages}. */
  RegistryHttp http() {
    return http;
  }

  /** The manifest's digest when {@code repository:reference} exists, else empty. */
  @Override
  public Optional<String> digest(
      String registry, String repository, String reference, RegistryAuth auth) {
    var response =
        send("HEAD", registry, "/v2/" + repository + "/manifests/" + reference, ACCEPT, auth);
    return switch (response.statusCode()) {
      case 200 ->
          Optional.of(RegistryHttp.contentDigest(response, registry, repository + ":" + reference));
      case 404 -> Optional.empty();
      case 401, 403 ->
          throw new CfException(
              "The registry "
                  + registry
                  + " refused the credentials (HTTP "
                  + response.statusCode()
                  + ") while checking "
                  + repository
                  + ":"
                  + reference
                  + ".");
      default ->
          throw new CfException(
              "The registry "
                  + registry
                  + " answered HTTP "
                  + response.statusCode()
                  + " while checking "
                  + repository
                  + ":"
                  + reference
                  + ".");
    };
  }

  /**
   * The platforms ({@code os/architecture}) of {@code repository@reference}: an index's entries
   * (attestations, {@code unknown/unknown}, left out), or an image manifest's config blob. Empty
   * when the registry does not say (a non-200 answer, an unfamiliar document): two small GETs, and
   * an unknown answer never fails a deploy.
   */
  @Override
  public Optional<Set<String>> platforms(
      String registry, String repository, String reference, RegistryAuth auth) {
    var manifest =
        json(send("GET", registry, "/v2/" + repository + "/manifests/" + reference, ACCEPT, auth));
    if (manifest == null) {
      return Optional.empty();
    }
    var platforms = new TreeSet<String>();
    if (manifest.path("manifests").isArray()) {
      for (JsonNode entry : manifest.path("manifests")) {
        platform(entry.path("platform"))
            .filter(p -> !p.equals("unknown/unknown"))
            .ifPresent(platforms::add);
      }
      return platforms.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(platforms));
    }
    String config = manifest.path("config").path("digest").asText("");
    if (config.isEmpty()) {
      return Optional.empty();
    }
    var image =
        json(send("GET", registry, "/v2/" + repository + "/blobs/" + config, CONFIG_ACCEPT, auth));
    return image == null ? Optional.empty() : platform(image).map(Set::of);
  }

  private static Optional<String> platform(JsonNode node) {
    String os = node.path("os").asText("");
    String architecture = node.path("architecture").asText("");
    return os.isEmpty() || architecture.isEmpty()
        ? Optional.empty()
        : Optional.of(os + "/" + architecture);
  }

  private static JsonNode json(HttpResponse<byte[]> response) {
    if (response.statusCode() != 200 || response.body() == null) {
      return null;
    }
    try {
      JsonNode node = new ObjectMapper().readTree(response.body());
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private HttpResponse<byte[]> send(
      String method, String registry, String path, String accept, RegistryAuth auth) {
    return http.send(method, registry, path, accept, null, auth);
  }
}
