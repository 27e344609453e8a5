package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * The warm-up run ahead of cf:deploy prepares the client, rehearsing its reads on 127.0.0.1 only,
 * and never calls the API.
 */
class WarmUpTest {

  @Test
  void sendsNothingAndLeavesTheClientWorking() throws Exception {
    try (var server = new MockWebServer()) {
      server.start();
      String base = server.url("/client/v4").toString();

      CloudflareApi.warmUp(base, name -> null);
      assertThat(server.getRequestCount()).isZero();

      server.enqueue(
          new MockResponse()
              .setHeader("Content-Type", "application/json")
              .setBody(
                  "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"subdomain\":\"acme\"}}"));
      try (var api =
          new CloudflareApi(
              CloudflareClientConfig.builder(
                      ApiTestSupport.ACCOUNT, ApiToken.of("tok_warm-up-test"))
                  .baseUrl(base)
                  .build())) {
        assertThat(api.findAccountSubdomain()).contains("acme");
      }
      assertThat(server.getRequestCount()).isOne();
    }
  }

  /** The rehearsal's 127.0.0.1 must never go to a proxy the JVM is configured with. */
  @Test
  void rehearsesWithoutAnyProxy() {
    var before = ProxySelector.getDefault();
    var asked = new AtomicInteger();
    ProxySelector.setDefault(
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            // the JDK's sockets ask too, for a SOCKS proxy (socket://...): not an HTTP client's
            if (uri.getScheme().startsWith("http")) {
              asked.incrementAndGet();
            }
            return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 9)));
          }

          @Override
          public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        });
    try {
      CloudflareApi.warmUp("http://127.0.0.1:9/client/v4", name -> null);
    } finally {
      ProxySelector.setDefault(before);
    }
    assertThat(asked).hasValue(0);
  }

  @Test
  void aBadBaseUrlFailsAsItWillInTheGoal() {
    assertThatThrownBy(() -> CloudflareApi.warmUp("ftp://example.invalid/x", name -> null))
        .isInstanceOf(InvalidBaseUrlException.class);
  }
}
