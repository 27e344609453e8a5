package io.github.cfcontainers.emulator.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import io.github.cfcontainers.emulator.EmulatorHarness;
import io.github.cfcontainers.emulator.TestGround;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RegistryCredentialsTest extends EmulatorHarness {
  @Override
  protected CloudflareEmulator.Builder configure(CloudflareEmulator.Builder b) {
    return TestGround.withRegistry(b).credentialTtl(Duration.ofSeconds(2));
  }

  private static int registryStatus(String user, String password) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("https://" + TestGround.registry() + "/v2/"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .build();
    return TestGround.registryHttp().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void mintedCredentialsAuthenticateToTheRealRegistryUntilTheyExpire() throws Exception {
    Api.Reply r =
        api.post(
            "/accounts/{a}/containers/registries/" + TestGround.registry() + "/credentials",
            "{\"expiration_minutes\":15,\"permissions\":[\"push\",\"pull\"]}");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.result().path("account_id").asText()).isEqualTo(emulator.accountId());
    assertThat(r.result().path("registry_host").asText()).isEqualTo(TestGround.registry());
    String user = r.result().path("username").asText(),
        password = r.result().path("password").asText();
    assertThat(registryStatus(user, password)).isEqualTo(200);
    assertThat(registryStatus(user, password + "x")).isEqualTo(401);
    assertThat(Files.readString(Path.of(TestGround.env("CF_TEST_REGISTRY_HTPASSWD"))))
        .contains(user + ":$2a$");

    long deadline = System.currentTimeMillis() + 8000;
    int status = 200;
    while (status == 200 && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
      status = registryStatus(user, password);
    }
    assertThat(status).as("expired credential must stop working").isEqualTo(401);
    assertThat(Files.readString(Path.of(TestGround.env("CF_TEST_REGISTRY_HTPASSWD"))))
        .doesNotContain(user + ":");
    // The admin line is untouched.
    assertThat(
            registryStatus(
                TestGround.env("CF_TEST_REGISTRY_USER"),
                TestGround.env("CF_TEST_REGISTRY_PASSWORD")))
        .isEqualTo(200);
  }

  @Test
  void credentialsOnlyForTheConfiguredRegistryHost() {
    Api.Reply r =
        api.post(
            "/accounts/{a}/containers/registries/registry.example.com/credentials",
            "{\"expiration_minutes\":15,\"permissions\":[\"push\"]}");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("IMAGE_REGISTRY_NOT_CONFIGURED");
  }

  /**
   * ImageRegistriesService.listImageRegistries: an array of {domain, ...}; none configured here.
   */
  @Test
  void configuredRegistriesListIsAnEmptyArray() {
    Api.Reply r = api.get("/accounts/{a}/containers/registries");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.result().isArray()).isTrue();
    assertThat(r.result()).isEmpty();
  }

  @Test
  void credentialBodyIsValidated() {
    String path = "/accounts/{a}/containers/registries/" + TestGround.registry() + "/credentials";
    assertThat(api.post(path, "{\"permissions\":[\"push\"]}").error()).isEqualTo("VALIDATE_INPUT");
    assertThat(api.post(path, "{\"expiration_minutes\":5,\"permissions\":[\"admin\"]}").error())
        .isEqualTo("VALIDATE_INPUT");
    assertThat(
            api.post(path, "{\"expiration_minutes\":5,\"permissions\":[\"pull\"],\"x\":1}").error())
        .isEqualTo("VALIDATE_INPUT");
  }

  @Test
  void closeAndResetRemoveMintedLines() throws Exception {
    Api.Reply r =
        api.post(
            "/accounts/{a}/containers/registries/" + TestGround.registry() + "/credentials",
            "{\"expiration_minutes\":15,\"permissions\":[\"pull\"]}");
    String user = r.result().path("username").asText();
    assertThat(Files.readString(Path.of(TestGround.env("CF_TEST_REGISTRY_HTPASSWD"))))
        .contains(user + ":");
    new Api(emulator.adminUrl(), emulator.accountId(), null).post("/reset", "{}");
    assertThat(Files.readString(Path.of(TestGround.env("CF_TEST_REGISTRY_HTPASSWD"))))
        .doesNotContain(user + ":");
  }
}
