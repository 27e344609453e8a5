package io.github.cfcontainers.emulator.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * The real registry over its HTTP API v2 (TLS as {@link RegistryTransport} says), with the admin
 * credentials: manifests, sizes, platform.
 */
public final class RegistryClient {
  static final String ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json");

  /** What the emulator needs to know of an image. */
  public record ImageInfo(
      String digest, long sizeBytes, int layers, String os, String architecture) {}

  private final RegistryTransport transport;
  private final String authorization;

  public RegistryClient(String host, String user, String password, Path caFile) {
    this.transport = new RegistryTransport(host, caFile);
    this.authorization =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (user + ":" + (password == null ? "" : password))
                            .getBytes(StandardCharsets.UTF_8));
  }

  /** Null when the registry does not hold the image. */
  public ImageInfo inspect(ImageReference ref) {
    HttpResponse<byte[]> head = get(ref.repository(), "manifests/" + ref.reference(), true);
    if (head.statusCode() == 404) return null;
    if (head.statusCode() != 200) {
      throw ApiException.containers(
          502,
          "IMAGE_REGISTRY_RETURNED_ERROR",
          Json.object().put("status", head.statusCode()).put("image", ref.full()));
    }
    String digest = head.headers().firstValue("Docker-Content-Digest").orElse(null);
    JsonNode manifest =
        Json.parse(get(ref.repository(), "manifests/" + ref.reference(), false).body(), "manifest");
    String mediaType = manifest.path("mediaType").asText("");
    if (manifest.has(
        "manifests")) { // an index: take its linux/amd64 entry, as Cloudflare runs only that
      String chosen = null;
      for (JsonNode m : manifest.get("manifests")) {
        JsonNode p = m.path("platform");
        if ("linux".equals(p.path("os").asText())
            && "amd64".equals(p.path("architecture").asText())) {
          chosen = m.path("digest").asText();
        }
      }
      if (chosen == null)
        return new ImageInfo(digest, 0, 0, "?", "none for linux/amd64 in " + mediaType);
      manifest = Json.parse(get(ref.repository(), "manifests/" + chosen, false).body(), "manifest");
    }
    long size = manifest.path("config").path("size").asLong(0);
    int layers = 0;
    for (JsonNode l : manifest.path("layers")) {
      size += l.path("size").asLong(0);
      layers++;
    }
    JsonNode config =
        Json.parse(
            get(ref.repository(), "blobs/" + manifest.path("config").path("digest").asText(), false)
                .body(),
            "image config");
    return new ImageInfo(
        digest, size, layers, config.path("os").asText(), config.path("architecture").asText());
  }

  /** "https" or "http" (after the registry answered TLS with plain text). */
  String scheme() {
    return transport.scheme();
  }

  private HttpResponse<byte[]> send(String repository, String tail, boolean head)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create(
                    transport.scheme()
                        + "://"
                        + transport.host()
                        + "/v2/"
                        + repository
                        + "/"
                        + tail))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", ACCEPT);
    if (authorization != null) b.header("Authorization", authorization);
    b.method(head ? "HEAD" : "GET", HttpRequest.BodyPublishers.noBody());
    return transport.client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> get(String repository, String tail, boolean head) {
    try {
      try {
        return send(repository, tail, head);
      } catch (IOException e) {
        if (!transport.fallBackToHttp(e)) throw e;
        return send(repository, tail, head);
      }
    } catch (IOException e) {
      throw ApiException.containers(
          502,
          "IMAGE_REGISTRY_RETURNED_ERROR",
          Json.object().put("image", repository).put("error", e.toString()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
