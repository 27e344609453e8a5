package io.github.cfcontainers.emulator.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import io.github.cfcontainers.emulator.EmulatorHarness;
import io.github.cfcontainers.emulator.TestGround;
import io.github.cfcontainers.emulator.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

/**
 * The Cloudflare-only registry calls wrangler's containers/images.ts makes, served by {@link
 * RegistryFront} in front of the real registry: a push through the front, the catalog with tags
 * (this account only), DELETE by tag, the GC.
 */
class RegistryFrontTest extends EmulatorHarness {
  /**
   * An account of its own: the shared registry holds other tests' repositories under the default
   * account.
   */
  private static final String ACCOUNT = "f" + TestGround.RUN + "0".repeat(23);

  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  protected CloudflareEmulator.Builder configure(CloudflareEmulator.Builder b) {
    return TestGround.withRegistry(b).registryFront(true).accountId(ACCOUNT);
  }

  private String basic() {
    Api.Reply cred =
        api.post(
            "/accounts/{a}/containers/registries/" + emulator.registryHost() + "/credentials",
            "{\"expiration_minutes\":5,\"permissions\":[\"pull\",\"push\"]}");
    assertThat(cred.status()).as(cred.toString()).isEqualTo(200);
    return cred.result().path("username").asText() + ":" + cred.result().path("password").asText();
  }

  private String push(String userPassword, String repo) throws Exception {
    String repository = emulator.registryHost() + "/" + ACCOUNT + "/" + repo;
    String[] up = userPassword.split(":", 2);
    String digest =
        TestGround.push(
            TestGround.env("CF_TEST_BUSYBOX_IMAGE"),
            repository,
            emulator.registryHost(),
            up[0],
            up[1]);
    assertThat(digest).as("digest of the push through the front").startsWith("sha256:");
    return digest;
  }

  private HttpResponse<String> front(String method, String path, String userPassword)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://" + emulator.registryHost() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header(
                "Accept",
                "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json");
    if (userPassword != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The real registry, behind the front, with the admin credentials. */
  private int backendHead(String repo, String reference) throws Exception {
    String admin =
        TestGround.env("CF_TEST_REGISTRY_USER") + ":" + TestGround.env("CF_TEST_REGISTRY_PASSWORD");
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(
                    "https://"
                        + TestGround.registry()
                        + "/v2/"
                        + ACCOUNT
                        + "/"
                        + repo
                        + "/manifests/"
                        + reference))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .header("Accept", RegistryClient.ACCEPT)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8)))
            .build();
    return TestGround.registryHttp().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void catalogWithTagsDeleteByTagAndGcAsWranglerCallsThem() throws Exception {
    String creds = basic();
    String mine = push(creds, "front-mine");
    push(creds, "front-other");

    assertThat(front("GET", "/v2/_catalog?tags=true", null).statusCode()).isEqualTo(401);
    HttpResponse<String> catalog = front("GET", "/v2/_catalog?tags=true", creds);
    assertThat(catalog.statusCode()).as(catalog.body()).isEqualTo(200);
    JsonNode repos =
        Json.parse(catalog.body().getBytes(StandardCharsets.UTF_8), "catalog").path("repositories");
    assertThat(repos.path(ACCOUNT + "/front-mine"))
        .extracting(JsonNode::asText)
        .containsExactly(TestGround.RUN);
    assertThat(repos.path(ACCOUNT + "/front-other"))
        .extracting(JsonNode::asText)
        .containsExactly(TestGround.RUN);
    for (Iterator<String> it = repos.fieldNames(); it.hasNext(); )
      assertThat(it.next()).startsWith(ACCOUNT + "/");

    HttpResponse<String> head =
        front("HEAD", "/v2/" + ACCOUNT + "/front-mine/manifests/" + TestGround.RUN, creds);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Docker-Content-Digest")).hasValue(mine);
    // distribution 2.8 deletes only by digest; the front resolves the tag as Cloudflare's registry
    // accepts it.
    HttpResponse<String> delete =
        front("DELETE", "/v2/" + ACCOUNT + "/front-mine/manifests/" + TestGround.RUN, creds);
    assertThat(delete.statusCode()).as(delete.body()).isEqualTo(202);
    assertThat(
            front("HEAD", "/v2/" + ACCOUNT + "/front-mine/manifests/" + TestGround.RUN, creds)
                .statusCode())
        .isEqualTo(404);
    assertThat(backendHead("front-mine", mine)).isEqualTo(404);
    assertThat(
            front("DELETE", "/v2/" + ACCOUNT + "/front-mine/manifests/" + TestGround.RUN, creds)
                .statusCode())
        .as("gone already")
        .isEqualTo(404);
    assertThat(backendHead("front-other", TestGround.RUN))
        .as("another repository survives")
        .isEqualTo(200);
    JsonNode after =
        Json.parse(
            front("GET", "/v2/_catalog?tags=true", creds).body().getBytes(StandardCharsets.UTF_8),
            "c");
    assertThat(after.path("repositories").has(ACCOUNT + "/front-mine")).isFalse();

    assertThat(front("PUT", "/v2/gc/layers", null).statusCode()).isEqualTo(401);
    assertThat(front("PUT", "/v2/gc/layers", creds).statusCode()).isEqualTo(202);
    Api.Reply state = new Api(emulator.adminUrl(), emulator.accountId(), null).get("/state");
    assertThat(state.body().path("registry_gc")).hasSize(1);

    // Leave the shared registry as it was.
    String other =
        front("HEAD", "/v2/" + ACCOUNT + "/front-other/manifests/" + TestGround.RUN, creds)
            .headers()
            .firstValue("Docker-Content-Digest")
            .orElseThrow();
    assertThat(
            front("DELETE", "/v2/" + ACCOUNT + "/front-other/manifests/" + other, creds)
                .statusCode())
        .isEqualTo(202);
  }
}
