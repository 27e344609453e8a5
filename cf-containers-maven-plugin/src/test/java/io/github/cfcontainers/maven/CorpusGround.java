package io.github.cfcontainers.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The real emulator against the test ground's registry, and its request log: what a mojo did over the wire. */
final class CorpusGround implements AutoCloseable {

  static final String TOKEN = "corpus-token-full";
  static final String LIMITED_TOKEN = "corpus-token-workers-only";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient admin = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final CloudflareEmulator cf;
  final String registry;

  CorpusGround() throws IOException {
    registry = env("CF_TEST_REGISTRY");
    cf = CloudflareEmulator.builder()
        .apiToken(TOKEN)
        .tokenWithoutContainers(LIMITED_TOKEN)
        .workersDevSubdomain("acme")
        .runContainers(false)
        .registry(registry)
        .registryAdmin(env("CF_TEST_REGISTRY_USER"), env("CF_TEST_REGISTRY_PASSWORD"))
        .registryHtpasswd(Path.of(env("CF_TEST_REGISTRY_HTPASSWD")))
        .registryCa(Path.of(env("CF_TEST_REGISTRY_CA")))
        .start();
  }

  /** Test-ground coordinates; a missing one fails the test, it never skips it. */
  static String env(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new AssertionError(name + " is not set: source the test ground's env file before the build");
    }
    return v;
  }

  /** Every logged API request as "METHOD path status". */
  List<String> requests() {
    var out = new ArrayList<String>();
    for (JsonNode r : admin("GET")) {
      out.add(r.path("method").asText() + " " + r.path("path").asText() + " " + r.path("status").asInt());
    }
    return out;
  }

  /** Logged requests that are not reads. The registry-credentials POST counts: no input error may reach it. */
  List<String> writes() {
    return requests().stream().filter(r -> !r.startsWith("GET ") && !r.startsWith("HEAD ")).toList();
  }

  void reset() {
    cf.reset();
    admin("DELETE");
  }

  private JsonNode admin(String method) {
    var request = HttpRequest.newBuilder(URI.create(cf.adminUrl() + "/requests"))
        .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build();
    try {
      HttpResponse<String> r = admin.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new AssertionError("admin " + method + " /requests answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("admin " + method + " /requests failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    cf.close();
  }
}
