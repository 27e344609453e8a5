package io.github.cfcontainers.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests wrangler's containers/images.ts makes, byte for byte where it matters, against a
 * loopback server.
 */
class RegistryImagesTest {

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> headers = new ConcurrentHashMap<>();
  private final Map<String, Integer> status = new ConcurrentHashMap<>();
  private volatile String catalog = "{\"repositories\":{}}";
  private RegistryImages images;
  private RegistryAuth auth;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        x -> {
          String line = x.getRequestMethod() + " " + x.getRequestURI();
          requests.add(line);
          headers.put(line + " Accept", String.valueOf(x.getRequestHeaders().getFirst("Accept")));
          headers.put(
              line + " Content-Type",
              String.valueOf(x.getRequestHeaders().getFirst("Content-Type")));
          headers.put(
              line + " Authorization",
              String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
          int code = status.getOrDefault(line, 404);
          byte[] body =
              line.startsWith("GET /v2/_catalog")
                  ? catalog.getBytes(StandardCharsets.UTF_8)
                  : new byte[0];
          if (line.startsWith("HEAD") && code == 200) {
            x.getResponseHeaders().set("Docker-Content-Digest", "sha256:abc");
          }
          x.sendResponseHeaders(
              code, body.length == 0 || line.startsWith("HEAD") ? -1 : body.length);
          if (body.length > 0 && !line.startsWith("HEAD")) {
            x.getResponseBody().write(body);
          }
          x.close();
        });
    server.start();
    String registry = "127.0.0.1:" + server.getAddress().getPort();
    auth = new RegistryAuth(registry, "v1-user", "pw-secret");
    images = new RegistryImages(new RegistryManifests(RegistryTls.DEFAULT, Duration.ofMillis(300)));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void readsTheCatalogWithTagsAsCloudflareAnswersIt() {
    status.put("GET /v2/_catalog?tags=true", 200);
    catalog =
        "{\"repositories\":{\"/acc/web\":[\"v1\",\"sha256:1\"],\"acc/api\":[]},\"cursor\":\"next\"}";

    var result = images.catalog(auth);

    assertThat(result.repositories()).containsOnlyKeys("acc/web", "acc/api");
    assertThat(result.repositories().get("acc/web")).containsExactly("v1", "sha256:1");
    assertThat(result.paged()).isTrue();
    assertThat(headers.get("GET /v2/_catalog?tags=true Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("v1-user:pw-secret".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aCatalogWithoutTheMapIsAClearError() {
    status.put("GET /v2/_catalog?tags=true", 200);
    catalog =
        "{\"repositories\":[\"acc/web\"]}"; // distribution's own shape: not Cloudflare's ?tags=true

    assertThatThrownBy(() -> images.catalog(auth))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("without a repositories map");
  }

  @Test
  void headsThenDeletesTheTagWithWranglersAcceptHeaderThenCollectsGarbage() {
    status.put("HEAD /v2/acc/web/manifests/v1", 200);
    status.put("DELETE /v2/acc/web/manifests/v1", 202);
    status.put("PUT /v2/gc/layers", 200);

    assertThat(images.digest("acc/web", "v1", auth)).hasValue("sha256:abc");
    assertThat(images.delete("acc/web", "v1", auth)).isTrue();
    images.collectGarbage(auth);

    assertThat(requests)
        .containsExactly(
            "HEAD /v2/acc/web/manifests/v1",
            "DELETE /v2/acc/web/manifests/v1",
            "PUT /v2/gc/layers");
    assertThat(headers.get("DELETE /v2/acc/web/manifests/v1 Accept"))
        .isEqualTo(
            "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json");
    assertThat(headers.get("PUT /v2/gc/layers Content-Type")).isEqualTo("application/json");
  }

  @Test
  void aTagAlreadyGoneIsNotAnError() {
    assertThat(images.digest("acc/web", "v1", auth)).isEmpty();
    assertThat(images.delete("acc/web", "v1", auth)).isFalse();
  }

  @Test
  void aRefusalSaysSoWithoutThePassword() {
    status.put("DELETE /v2/acc/web/manifests/v1", 403);

    assertThatThrownBy(() -> images.delete("acc/web", "v1", auth))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining("refused the credentials")
        .hasMessageNotContaining("pw-secret");
    assertThatThrownBy(() -> images.collectGarbage(auth)).hasMessageContaining("PUT /v2/gc/layers");
  }
}
