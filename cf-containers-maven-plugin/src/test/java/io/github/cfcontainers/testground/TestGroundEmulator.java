package io.github.cfcontainers.testground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The emulator on the test ground's real registry, and its admin side, for every emulator-backed
 * test.
 */
public final class TestGroundEmulator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient ADMIN =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestGroundEmulator() {}

  /** A test-ground coordinate; a missing one FAILS the test, it never skips it. */
  public static String env(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new AssertionError(
          name
              + " is not set: run `source \"$(bash scripts/test-ground.sh)\"` before the"
              + " build, so emulator-backed tests reach the real registry");
    }
    return v;
  }

  /** The builder wired to the test ground's registry: its admin login, htpasswd and TLS CA. */
  public static CloudflareEmulator.Builder withRegistry(CloudflareEmulator.Builder builder) {
    return builder
        .registry(env("CF_TEST_REGISTRY"))
        .registryAdmin(env("CF_TEST_REGISTRY_USER"), env("CF_TEST_REGISTRY_PASSWORD"))
        .registryHtpasswd(Path.of(env("CF_TEST_REGISTRY_HTPASSWD")))
        .registryCa(Path.of(env("CF_TEST_REGISTRY_CA")));
  }

  /**
   * One call to the emulator's admin side ({@code /__emulator}); anything but 200 fails the test.
   */
  public static JsonNode admin(CloudflareEmulator cf, String method, String path, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(cf.adminUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> r = ADMIN.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new AssertionError(
            "admin " + method + " " + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("admin " + method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
