package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.cloudflare.model.ApplicationCreateRequest;
import io.github.cfcontainers.cloudflare.model.DurableObjectsRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A MockWebServer standing in for the API, and a client wired to it with a recording sleeper and
 * listener.
 */
abstract class ApiTestSupport {

  static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  static final String TOKEN = "tok_SeCrEt-9f8e7d6c5b4a39281706";
  static final String A = "/client/v4/accounts/" + ACCOUNT;
  static final Instant NOW = Instant.parse("2026-11-29T22:00:00Z");

  private static final ObjectMapper PLAIN = new ObjectMapper();

  MockWebServer server;
  CloudflareApi api;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final List<ApiCallEvent> events = new CopyOnWriteArrayList<>();
  final List<String> everyText = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start();
    api = new CloudflareApi(config(RetryPolicy.DEFAULT).build());
  }

  @AfterEach
  void stopServer() throws IOException {
    api.close();
    server.shutdown();
  }

  CloudflareClientConfig.Builder config(RetryPolicy policy) {
    return CloudflareClientConfig.builder(ACCOUNT, ApiToken.of(TOKEN))
        .baseUrl(server.url("/client/v4").toString())
        .environment(name -> null)
        .retryPolicy(policy)
        .sleeper(sleeps::add)
        .random(() -> 0.5)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .listener(events::add)
        .readTimeout(Duration.ofSeconds(5));
  }

  void useClient(CloudflareClientConfig.Builder builder) {
    api.close();
    api = new CloudflareApi(builder.build());
  }

  /** An answer with a JSON body. */
  /**
   * A create of "app": one lite instance at most, in the namespace "ns" (RetryTest,
   * ErrorHandlingTest).
   */
  static ApplicationCreateRequest createRequest() {
    return new ApplicationCreateRequest(
        "app",
        "default",
        0,
        1,
        ApplicationConfiguration.ofInstanceType("img", "lite", null),
        null,
        new DurableObjectsRef("ns"),
        null);
  }

  static MockResponse json(int status, String body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  /** {@code {"success":true,…,"result":<result>}}. */
  static MockResponse ok(String resultJson) {
    return json(
        200, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + resultJson + "}");
  }

  static MockResponse error(int status, int code, String message) {
    return json(
        status,
        "{\"success\":false,\"errors\":[{\"code\":"
            + code
            + ",\"message\":"
            + quote(message)
            + "}],\"messages\":[],\"result\":null}");
  }

  static String quote(String s) {
    try {
      return PLAIN.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  void enqueue(MockResponse... responses) {
    for (MockResponse r : responses) {
      server.enqueue(r);
    }
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.getHeader("Accept")).isEqualTo("application/json");
    return r;
  }

  /**
   * Asserts method, path+query, and (when expectedJson is not null) the JSON body and its content
   * type.
   */
  RecordedRequest expect(String method, String pathAndQuery, String expectedJson)
      throws InterruptedException {
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo(method);
    assertThat(r.getPath()).isEqualTo(pathAndQuery);
    if (expectedJson == null) {
      assertThat(r.getBodySize()).as("request body size").isZero();
    } else {
      assertThat(r.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
      assertJson(r.getBody().readString(StandardCharsets.UTF_8), expectedJson);
    }
    return r;
  }

  static void assertJson(String actual, String expected) {
    try {
      JsonNode a = PLAIN.readTree(actual);
      JsonNode e = PLAIN.readTree(expected);
      assertThat(a).as("JSON sent:\n%s", actual).isEqualTo(e);
    } catch (IOException ex) {
      throw new AssertionError("not JSON: " + actual, ex);
    }
  }
}
