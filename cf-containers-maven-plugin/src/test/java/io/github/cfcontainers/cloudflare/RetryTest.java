package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.cloudflare.model.RolloutCreateRequest;
import io.github.cfcontainers.cloudflare.model.ScriptMetadata;
import io.github.cfcontainers.cloudflare.model.WorkerModule;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class RetryTest extends ApiTestSupport {

  /** base 100 ms, cap 1 s, Retry-After accepted up to 30 s; the test random is 0.5. */
  private static final RetryPolicy FAST =
      new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

  private static final String APPS = "[]";

  private CloudflareApiException failure(Runnable call) {
    CloudflareApiException e = catchThrowableOfType(CloudflareApiException.class, call::run);
    assertThat(e).as("a CloudflareApiException").isNotNull();
    assertThat(e.getMessage()).doesNotContain(TOKEN);
    return e;
  }

  @Test
  void rateLimitHonoursRetryAfterSeconds() throws Exception {
    useClient(config(FAST));
    enqueue(
        error(429, 971, "Please wait and consider throttling your request speed")
            .setHeader("Retry-After", "7"),
        ok(APPS));
    assertThat(api.listApplications()).isEmpty();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(events).extracting(ApiCallEvent::status).containsExactly(429, 200);
    assertThat(events.get(0).retryIn()).isEqualTo(Duration.ofSeconds(7));
    assertThat(events.get(1).attempt()).isEqualTo(2);
  }

  @Test
  void rateLimitHonoursRetryAfterHttpDate() {
    useClient(config(FAST));
    // NOW is 2026-11-29T22:00:00Z, a Sunday
    enqueue(
        error(429, 971, "slow down").setHeader("Retry-After", "Sun, 29 Nov 2026 22:00:12 GMT"),
        ok(APPS));
    api.listApplications();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void retryAfterInThePastMeansNow() {
    useClient(config(FAST));
    enqueue(
        error(429, 971, "slow down").setHeader("Retry-After", "Sun, 29 Nov 2026 21:00:00 GMT"),
        ok(APPS));
    api.listApplications();
    assertThat(sleeps).containsExactly(Duration.ZERO);
  }

  @Test
  void retryAfterLongerThanTheCapGivesUpAtOnce() {
    useClient(config(FAST));
    enqueue(error(429, 971, "slow down").setHeader("Retry-After", "3600"));
    CloudflareApiException e = failure(() -> api.listApplications());
    assertThat(e.isRateLimited()).isTrue();
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
    assertThat(e.getMessage())
        .contains("HTTP 429")
        .contains(
            "The server asked to retry after 3600 s (Retry-After), longer than the 30 s this client waits; gave up.")
        .contains("rate limited");
  }

  @Test
  void serverErrorsBackOffExponentiallyWithFullJitter() {
    useClient(config(FAST));
    enqueue(
        error(500, 10013, "internal"),
        error(503, 10013, "unavailable"),
        error(502, 0, "bad gw"),
        ok(APPS));
    api.listApplications();
    // ceilings 100, 200, 400 ms, times the test random 0.5
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void givesUpAfterMaxAttemptsWithAClearMessage() {
    useClient(config(FAST));
    for (int i = 0; i < 4; i++) {
      enqueue(error(503, 10013, "Service temporarily unavailable"));
    }
    CloudflareApiException e = failure(() -> api.getContainersAccount());
    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(e.attempts()).isEqualTo(4);
    assertThat(sleeps).hasSize(3);
    assertThat(e.getMessage())
        .contains("HTTP 503: Service temporarily unavailable [code 10013]")
        .contains("Gave up after 4 attempts.");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void noRetryOn400Or403Or404() {
    useClient(config(FAST));
    enqueue(error(400, 10021, "bad"), error(403, 10000, "auth"), error(404, 7003, "no route"));
    failure(() -> api.listScripts());
    failure(() -> api.listScripts());
    failure(() -> api.listScripts());
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void droppedConnectionIsRetriedForAGet() throws Exception {
    useClient(config(FAST));
    enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START), ok(APPS));
    assertThat(api.listApplications()).isEmpty();
    assertThat(sleeps).containsExactly(Duration.ofMillis(50));
    assertThat(events.get(0).status()).isZero();
    assertThat(events.get(0).failure()).isNotBlank();
    assertThat(events.get(1).status()).isEqualTo(200);
  }

  @Test
  void droppedConnectionAfterUploadStartIsRetriedForThePutUpload() {
    useClient(config(FAST));
    enqueue(
        new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST),
        ok("{\"id\":\"w\"}"));
    api.uploadScript(
        "w",
        ScriptMetadata.builder("a.js", "2026-11-01").build(),
        List.of(WorkerModule.esModule("a.js", "export default {}")));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void droppedConnectionIsNotRetriedForACreate() {
    useClient(config(FAST));
    enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST), ok("{}"));
    CloudflareApiException e = failure(() -> api.createApplication(createRequest()));
    assertThat(e.kind()).isEqualTo(CloudflareApiException.Kind.TRANSPORT);
    assertThat(e.httpStatus()).isZero();
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage())
        .contains("POST /accounts/" + ACCOUNT + "/containers/applications got no answer")
        .contains("Not retried: this POST may have reached the server");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void droppedConnectionIsDescribedWithoutHttpClientInternals() {
    useClient(config(FAST));
    enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST), ok("{}"));
    CloudflareApiException e = failure(() -> api.createApplication(createRequest()));
    assertThat(e.getMessage())
        .contains("got no answer: the connection closed before an answer came")
        .doesNotContain("unexpected end of stream")
        .doesNotContain("http://")
        .doesNotContain("EOFException");
  }

  @Test
  void createIsRetriedOn429And503ButNotOn500() {
    useClient(config(FAST));
    enqueue(
        error(429, 971, "slow").setHeader("Retry-After", "1"),
        error(503, 0, "unavailable"),
        ok("{\"id\":\"a\"}"));
    assertThat(api.createApplication(createRequest()).id()).isEqualTo("a");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(100));

    enqueue(error(500, 0, "internal"));
    CloudflareApiException e =
        failure(
            () ->
                api.createRollout(
                    "a",
                    RolloutCreateRequest.rolling(
                        "d", 100, ApplicationConfiguration.ofInstanceType("img", "lite", null))));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).contains("Not retried: the server may have acted on this POST");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void idempotentPostIsRetriedOn500() {
    useClient(config(FAST));
    enqueue(error(500, 0, "internal"), ok("{\"username\":\"v1\",\"password\":\"p\"}"));
    api.createPushCredentials("registry.cloudflare.com", 15);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void refusedConnectionIsRetriedEvenForACreateThenGivesUp() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    useClient(config(FAST).baseUrl("http://127.0.0.1:" + port + "/client/v4"));
    CloudflareApiException e = failure(() -> api.createApplication(createRequest()));
    assertThat(e.kind()).isEqualTo(CloudflareApiException.Kind.TRANSPORT);
    assertThat(e.attempts()).isEqualTo(4);
    assertThat(e.getMessage())
        .contains("got no answer: ConnectException")
        .contains("Gave up after 4 attempts.");
    assertThat(sleeps).hasSize(3);
    assertThat(events).hasSize(4).allSatisfy(ev -> assertThat(ev.status()).isZero());
  }

  @Test
  void policyMath() {
    RetryPolicy p =
        new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofMinutes(2));
    assertThat(p.ceilingAfter(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.ceilingAfter(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.ceilingAfter(6)).isEqualTo(Duration.ofSeconds(16));
    assertThat(p.ceilingAfter(7)).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.ceilingAfter(200)).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.backoffAfter(3, 0.0)).isEqualTo(Duration.ZERO);
    assertThat(p.backoffAfter(3, 0.25)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void retryAfterParsing() {
    var clock = Clock.fixed(NOW, ZoneOffset.UTC);
    assertThat(RetryInterceptor.parseRetryAfter("120", clock)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryInterceptor.parseRetryAfter(" 0 ", clock)).isEqualTo(Duration.ZERO);
    assertThat(RetryInterceptor.parseRetryAfter("Sun, 29 Nov 2026 22:01:00 GMT", clock))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(RetryInterceptor.parseRetryAfter("soon", clock)).isNull();
    assertThat(RetryInterceptor.parseRetryAfter(null, clock)).isNull();
    assertThat(RetryInterceptor.parseRetryAfter("99999999999999999999999", clock)).isNotNull();
  }
}
