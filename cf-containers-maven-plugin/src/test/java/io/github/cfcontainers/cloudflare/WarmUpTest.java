package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** The warm-up cf:build runs ahead of cf:deploy prepares the client and never calls the API. */
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

  @Test
  void aBadBaseUrlFailsAsItWillInTheGoal() {
    assertThatThrownBy(() -> CloudflareApi.warmUp("ftp://example.invalid/x", name -> null))
        .isInstanceOf(InvalidBaseUrlException.class);
  }
}
