// Over 300 lines: one test per auth and scheme case, each against a local server.
package io.github.cfcontainers.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import io.github.cfcontainers.common.CfException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryManifestsTest {

  private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  private static final String REPOSITORY = ACCOUNT + "/w-mycontainer";
  private static final String DIGEST = "sha256:" + "d".repeat(64);
  private static final String PASSWORD = "reg-pw-9z8y7x";
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder().encodeToString(("v1:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

  /** What the registry saw. */
  record Seen(String method, String path, String query, String authorization, String accept) {}

  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private HttpServer server;
  private String registry;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile Handler manifests;
  private volatile Handler tokens;

  /** A short TLS probe: this plain-HTTP server waits silently for a request line. */
  private final RegistryManifests lookup =
      new RegistryManifests(RegistryTls.DEFAULT, Duration.ofMillis(300));

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          var uri = exchange.getRequestURI();
          seen.add(
              new Seen(
                  exchange.getRequestMethod(),
                  uri.getPath(),
                  uri.getRawQuery(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("Accept")));
          try (exchange) {
            if (uri.getPath().startsWith("/token")) {
              tokens.handle(exchange);
            } else {
              manifests.handle(exchange);
            }
          }
        });
    server.start();
    registry = "127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private RegistryAuth auth() {
    return new RegistryAuth(registry, "v1", PASSWORD);
  }

  private static void answer(HttpExchange exchange, int status, String header, String value)
      throws IOException {
    if (header != null) {
      exchange.getResponseHeaders().add(header, value);
    }
    exchange.sendResponseHeaders(status, -1);
  }

  private static void answerJson(HttpExchange exchange, int status, String json)
      throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Test
  void presentManifestAnswersItsDigest() {
    manifests = exchange -> answer(exchange, 200, "Docker-Content-Digest", DIGEST);

    assertThat(lookup.digest(registry, REPOSITORY, "3f2a9c", auth()))
        .isEqualTo(Optional.of(DIGEST));

    assertThat(seen)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.method()).isEqualTo("HEAD");
              assertThat(s.path()).isEqualTo("/v2/" + REPOSITORY + "/manifests/3f2a9c");
              assertThat(s.authorization()).isEqualTo(BASIC);
            });
  }

  @Test
  void acceptHeaderListsTheOciAndDockerManifestTypes() {
    manifests = exchange -> answer(exchange, 200, "Docker-Content-Digest", DIGEST);

    lookup.digest(registry, REPOSITORY, "latest", auth());

    assertThat(seen.get(0).accept())
        .contains("application/vnd.oci.image.manifest.v1+json")
        .contains("application/vnd.docker.distribution.manifest.v2+json")
        .contains("application/vnd.oci.image.index.v1+json")
        .contains("application/vnd.docker.distribution.manifest.list.v2+json");
  }

  @Test
  void absentManifestIsEmpty() {
    manifests = exchange -> answer(exchange, 404, null, null);

    assertThat(lookup.digest(registry, REPOSITORY, "nope", auth())).isEmpty();
  }

  @Test
  void bearerChallengeFetchesATokenWithBasicAuthAndRetriesWithIt() {
    String realm = "http://" + registry + "/token";
    manifests =
        exchange -> {
          if (("Bearer tkn-42").equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 200, "Docker-Content-Digest", DIGEST);
          } else {
            answer(
                exchange,
                401,
                "WWW-Authenticate",
                "Bearer realm=\""
                    + realm
                    + "\",service=\"registry.test\","
                    + "scope=\"repository:"
                    + REPOSITORY
                    + ":pull\"");
          }
        };
    tokens = exchange -> answerJson(exchange, 200, "{\"token\":\"tkn-42\",\"expires_in\":300}");

    assertThat(lookup.digest(registry, REPOSITORY, "3f2a9c", auth())).contains(DIGEST);

    assertThat(seen).hasSize(3);
    assertThat(seen.get(0).authorization()).isEqualTo(BASIC);
    var token = seen.get(1);
    assertThat(token.method()).isEqualTo("GET");
    assertThat(token.path()).isEqualTo("/token");
    assertThat(token.query())
        .isEqualTo(
            "service=registry.test&scope=repository%3A" + ACCOUNT + "%2Fw-mycontainer%3Apull");
    assertThat(token.authorization()).isEqualTo(BASIC);
    assertThat(seen.get(2).method()).isEqualTo("HEAD");
    assertThat(seen.get(2).authorization()).isEqualTo("Bearer tkn-42");
    assertThat(seen.get(2).accept()).isEqualTo(RegistryManifests.ACCEPT);
  }

  @Test
  void tokenServiceAnsweringAccessTokenIsAccepted() {
    manifests =
        exchange -> {
          if (("Bearer at-7").equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 404, null, null);
          } else {
            answer(
                exchange,
                401,
                "WWW-Authenticate",
                "Bearer realm=\"http://" + registry + "/token\"");
          }
        };
    tokens = exchange -> answerJson(exchange, 200, "{\"access_token\":\"at-7\"}");

    assertThat(lookup.digest(registry, REPOSITORY, "3f2a9c", auth())).isEmpty();
    assertThat(seen.get(1).query()).isNull();
  }

  @Test
  void refusedTokenRequestIsReportedWithoutThePassword() {
    manifests =
        exchange ->
            answer(
                exchange,
                401,
                "WWW-Authenticate",
                "Bearer realm=\"http://" + registry + "/token\"");
    tokens = exchange -> answer(exchange, 401, null, null);

    assertThatThrownBy(() -> lookup.digest(registry, REPOSITORY, "3f2a9c", auth()))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("token service refused the credentials (HTTP 401)")
        .message()
        .doesNotContain(PASSWORD);
  }

  @Test
  void basicChallengeAfterBasicAuthMeansRefusedCredentials() {
    manifests = exchange -> answer(exchange, 401, "WWW-Authenticate", "Basic realm=\"registry\"");

    assertThatThrownBy(() -> lookup.digest(registry, REPOSITORY, "3f2a9c", auth()))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("refused the credentials (HTTP 401)")
        .hasMessageContaining(REPOSITORY + ":3f2a9c")
        .message()
        .doesNotContain(PASSWORD);
    assertThat(seen).hasSize(1);
  }

  @Test
  void okWithoutDigestHeaderIsAnError() {
    manifests = exchange -> answer(exchange, 200, null, null);

    assertThatThrownBy(() -> lookup.digest(registry, REPOSITORY, "3f2a9c", auth()))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("without a Docker-Content-Digest header");
  }

  @Test
  void serverErrorIsReported() {
    manifests = exchange -> answer(exchange, 503, null, null);

    assertThatThrownBy(() -> lookup.digest(registry, REPOSITORY, "3f2a9c", auth()))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("answered HTTP 503");
  }

  @Test
  void loopbackRegistriesAreInsecureByDefaultLikeTheDockerDaemonMakesThem() {
    assertThat(RegistryTls.isLoopback("127.0.0.1:5000")).isTrue();
    assertThat(RegistryTls.isLoopback("127.0.0.1")).isTrue();
    assertThat(RegistryTls.isLoopback("127.1.2.3:443")).isTrue();
    assertThat(RegistryTls.isLoopback("localhost:5000")).isTrue();
    assertThat(RegistryTls.isLoopback("localhost")).isTrue();
    assertThat(RegistryTls.isLoopback("[::1]:5000")).isTrue();

    assertThat(RegistryTls.isLoopback("registry.cloudflare.com")).isFalse();
    assertThat(RegistryTls.isLoopback("registry.example.com:5000")).isFalse();
    assertThat(RegistryTls.isLoopback("10.0.0.5:5000")).isFalse();
    assertThat(RegistryTls.isLoopback("localhost.example.com")).isFalse();
  }

  @Test
  void hostNamesThatMerelyStartWith127AreNotLoopback() {
    assertThat(RegistryTls.isLoopback("127.example.com")).isFalse();
    assertThat(RegistryTls.isLoopback("127.0.0.1.nip.io:5000")).isFalse();
  }

  @Test
  void plainHttpLoopbackRegistryIsReachedByFallingBackFromHttps() {
    manifests = exchange -> answer(exchange, 200, "Docker-Content-Digest", DIGEST);

    assertThat(lookup.digest(registry, REPOSITORY, "a", auth())).contains(DIGEST);
    assertThat(lookup.digest(registry, REPOSITORY, "b", auth())).contains(DIGEST);

    assertThat(seen)
        .extracting(Seen::path)
        .containsExactly(
            "/v2/" + REPOSITORY + "/manifests/a", "/v2/" + REPOSITORY + "/manifests/b");
  }

  @Test
  void plainHttpRegistryThatIsNotLoopbackNeverGetsTheBasicCredentials() {
    // An IPv4-mapped address reaches this loopback server but is not a loopback name: treated as
    // remote.
    String remote = "[::ffff:127.0.0.1]:" + server.getAddress().getPort();
    manifests = exchange -> answer(exchange, 401, "WWW-Authenticate", "Basic realm=\"registry\"");
    var configured =
        new RegistryManifests(new RegistryTls(null, Set.of(remote)), Duration.ofMillis(300));

    assertThatThrownBy(
            () ->
                configured.digest(
                    remote, REPOSITORY, "3f2a9c", new RegistryAuth(remote, "v1", PASSWORD)))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("speaks only plain HTTP")
        .hasMessageContaining("not sent")
        .message()
        .doesNotContain(PASSWORD);
    assertThat(seen).singleElement().satisfies(s -> assertThat(s.authorization()).isNull());
  }

  @Test
  void registryThatIsDownIsNamedWithTheSettingToCheck() {
    server.stop(0);

    assertThatThrownBy(() -> lookup.digest(registry, REPOSITORY, "3f2a9c", auth()))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("Cannot reach the registry " + registry)
        .hasMessageContaining("refused or closed")
        .hasMessageContaining("-Dcf.registry")
        .message()
        .doesNotContain("null")
        .doesNotContain(PASSWORD);
  }

  // ------------------------------------------------------------------ platforms

  @Test
  void indexAnswersItsPlatformsWithoutAttestations() {
    manifests =
        exchange ->
            answerJson(
                exchange,
                200,
                """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
          {"digest":"sha256:aa","platform":{"os":"linux","architecture":"arm64","variant":"v8"}},
          {"digest":"sha256:bb","platform":{"os":"linux","architecture":"amd64"}},
          {"digest":"sha256:cc","platform":{"os":"unknown","architecture":"unknown"}}]}
        """);

    assertThat(lookup.platforms(registry, REPOSITORY, DIGEST, auth()))
        .contains(Set.of("linux/arm64", "linux/amd64"));
    assertThat(seen)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.method()).isEqualTo("GET");
              assertThat(s.path()).isEqualTo("/v2/" + REPOSITORY + "/manifests/" + DIGEST);
              assertThat(s.authorization()).isEqualTo(BASIC);
            });
  }

  @Test
  void imageManifestAnswersThePlatformOfItsConfig() {
    String config = "sha256:" + "e".repeat(64);
    manifests =
        exchange -> {
          if (exchange.getRequestURI().getPath().endsWith("/blobs/" + config)) {
            answerJson(
                exchange, 200, "{\"architecture\":\"arm64\",\"os\":\"linux\",\"config\":{}}");
          } else {
            answerJson(
                exchange,
                200,
                "{\"schemaVersion\":2,\"config\":{\"mediaType\":"
                    + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                    + config
                    + "\",\"size\":100},\"layers\":[]}");
          }
        };

    assertThat(lookup.platforms(registry, REPOSITORY, DIGEST, auth()))
        .contains(Set.of("linux/arm64"));
    assertThat(seen)
        .extracting(Seen::path)
        .containsExactly(
            "/v2/" + REPOSITORY + "/manifests/" + DIGEST, "/v2/" + REPOSITORY + "/blobs/" + config);
    assertThat(seen.get(1).accept()).contains("application/vnd.oci.image.config.v1+json");
  }

  @Test
  void platformsTheRegistryDoesNotStateAreUnknown() {
    manifests = exchange -> answer(exchange, 404, null, null);
    assertThat(lookup.platforms(registry, REPOSITORY, DIGEST, auth())).isEmpty();

    manifests =
        exchange ->
            answerJson(
                exchange, 200, "{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"sha256:aa\"}]}");
    assertThat(lookup.platforms(registry, REPOSITORY, DIGEST, auth())).isEmpty();

    manifests = exchange -> answerJson(exchange, 200, "not json");
    assertThat(lookup.platforms(registry, REPOSITORY, DIGEST, auth())).isEmpty();
  }
}
