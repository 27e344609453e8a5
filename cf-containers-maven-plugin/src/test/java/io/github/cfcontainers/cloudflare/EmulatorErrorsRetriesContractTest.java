// Over 300 lines: one test per error and retry behaviour, the client against the emulator.
package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cfcontainers.cloudflare.model.ApplicationCreateRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Authentication errors and the retry policy against the emulator. Faults are injected through
 * {@code POST {adminUrl}/faults}; the request log proves how many attempts really reached the
 * server.
 */
class EmulatorErrorsRetriesContractTest extends EmulatorContractSupport {

  private static final String SCRIPTS = "/workers/scripts";
  private static final String APPS = "/containers/applications";

  /** A create body the emulator rejects with VALIDATE_INPUT before it needs a registry. */
  private static final ApplicationCreateRequest INVALID_CREATE =
      new ApplicationCreateRequest("app", "default", 0, 1, null, null, null, null);

  // ------------------------------------------------------------------ authentication

  @Test
  void wrongTokenIs403WithCode10000AndIsNotRetried() {
    CloudflareApi wrong = client("not-the-token");
    CloudflareApiException e =
        catchThrowableOfType(wrong::listScripts, CloudflareApiException.class);

    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e.hasCode(CloudflareErrorCodes.AUTHENTICATION)).isTrue();
    assertThat(e.isAuthenticationError()).isTrue();
    assertThat(e.getMessage())
        .contains("Hint: check that the API token")
        .doesNotContain("not-the-token");
    assertThat(statuses(logged("GET", SCRIPTS))).containsExactly(403);
  }

  @Test
  void missingTokenIs401WithCode10000() {
    // The client cannot send no token (ApiToken refuses blanks), so this pins the emulator's side
    // only.
    HttpResponse<String> r = raw("GET", "/accounts/" + cf.accountId() + "/workers/scripts", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(parse(r.body()).path("errors").get(0).path("code").asInt()).isEqualTo(10000);
  }

  @Test
  void otherAccountIs403() {
    CloudflareApi other =
        new CloudflareApi(
            CloudflareClientConfig.builder("ffffffffffffffffffffffffffffffff", ApiToken.of(TOKEN))
                .baseUrl(cf.apiBaseUrl().toString())
                .environment(n -> null)
                .retryPolicy(FAST)
                .sleeper(sleeps::add)
                .build());
    try {
      CloudflareApiException e =
          catchThrowableOfType(other::listScripts, CloudflareApiException.class);
      assertThat(e.isAuthenticationError()).isTrue();
      assertThat(e.httpStatus()).isEqualTo(403);
    } finally {
      other.close();
    }
  }

  @Test
  void tokenWithoutContainersPermissionWorksForWorkersButNotContainers() {
    CloudflareApi limited = client(LIMITED_TOKEN);
    limited.uploadScript(
        "my-worker", firstUpload("my-worker-mycontainer"), List.of(workerModule()));
    assertThat(limited.listScripts()).hasSize(1);
    assertThat(limited.findAccountSubdomain()).contains(SUBDOMAIN);

    CloudflareApiException e =
        catchThrowableOfType(limited::getContainersAccount, CloudflareApiException.class);

    assertThat(e.httpStatus()).isEqualTo(403);
    assertThat(e.isAuthenticationError()).isTrue();
    assertThat(e.path()).isEqualTo("/accounts/" + cf.accountId() + "/containers/me");
    assertThat(e.getMessage()).contains("Containers: Edit for /containers");
    CloudflareApiException list =
        catchThrowableOfType(limited::listApplications, CloudflareApiException.class);
    assertThat(list.hasCode(CloudflareErrorCodes.AUTHENTICATION)).isTrue();
    CloudflareApiException creds =
        catchThrowableOfType(
            () -> limited.createPushCredentials("127.0.0.1:5000", 15),
            CloudflareApiException.class);
    assertThat(creds.httpStatus()).isEqualTo(403);
    assertThat(statuses(logged("GET", "/containers/me")))
        .as("403 is not retried")
        .containsExactly(403);
  }

  @Test
  void unknownPathIs7003AndAWrongBaseUrlIsNotAnEmptyAccount() {
    CloudflareApi wrongBase =
        new CloudflareApi(
            config(TOKEN, FAST)
                .baseUrl(cf.apiBaseUrl().toString().replace("/client/v4", "/client/v3"))
                .build());
    try {
      CloudflareApiException e =
          catchThrowableOfType(() -> wrongBase.findService("x"), CloudflareApiException.class);
      // A 404 with code 7003 (no route) must not read as "the Worker does not exist" (reference §1:
      // 7003 is
      // "no route", 10090 "service not found"); else a destroy against a wrong URL reports "nothing
      // to delete".
      assertThat(e).as("findService on a wrong base URL throws").isNotNull();
      assertThat(e.httpStatus()).isEqualTo(404);
      assertThat(e.hasCode(CloudflareErrorCodes.NO_ROUTE)).isTrue();
      assertThat(
              catchThrowableOfType(
                  () -> wrongBase.findApplication("a1"), CloudflareApiException.class))
          .isNotNull();
      assertThat(
              catchThrowableOfType(
                  () -> wrongBase.deleteScript("x", true), CloudflareApiException.class))
          .isNotNull();
    } finally {
      wrongBase.close();
    }
  }

  // ------------------------------------------------------------------ retries

  @Test
  void rateLimitWithRetryAfterIsHonouredThenSucceeds() {
    fault(
        "{\"method\":\"GET\",\"path\":\"/workers/scripts$\",\"status\":429,\"retryAfter\":\"3\",\"times\":1}");

    assertThat(api.listScripts()).isEmpty();

    assertThat(statuses(logged("GET", SCRIPTS))).containsExactly(429, 200);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    assertThat(events).extracting(ApiCallEvent::status).containsExactly(429, 200);
  }

  @Test
  void retryAfterAsAnHttpDateIsHonoured() {
    Instant now = Instant.parse("2026-11-29T22:00:00Z");
    CloudflareApi fixed =
        new CloudflareApi(config(TOKEN, FAST).clock(Clock.fixed(now, ZoneOffset.UTC)).build());
    try {
      String date =
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              ZonedDateTime.ofInstant(now.plusSeconds(7), ZoneOffset.UTC));
      fault(
          "{\"method\":\"GET\",\"path\":\"/workers/scripts$\",\"status\":429,\"retryAfter\":\""
              + date
              + "\"}");

      assertThat(fixed.listScripts()).isEmpty();

      assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
      assertThat(statuses(logged("GET", SCRIPTS))).containsExactly(429, 200);
    } finally {
      fixed.close();
    }
  }

  @Test
  void retryAfterLongerThanTheCapGivesUpAtOnce() {
    fault(
        "{\"method\":\"GET\",\"path\":\"/workers/scripts$\",\"status\":429,\"retryAfter\":\"3600\"}");

    CloudflareApiException e = catchThrowableOfType(api::listScripts, CloudflareApiException.class);

    assertThat(e.isRateLimited()).isTrue();
    assertThat(e.hasCode(971)).isTrue();
    assertThat(e.getMessage()).contains("Retry-After").contains("gave up");
    assertThat(sleeps).isEmpty();
    assertThat(statuses(logged("GET", SCRIPTS))).containsExactly(429);
  }

  @Test
  void serviceUnavailableIsRetriedWithBackoff() {
    fault("{\"method\":\"GET\",\"path\":\"/workers/scripts$\",\"status\":503,\"times\":2}");

    assertThat(api.listScripts()).isEmpty();

    assertThat(statuses(logged("GET", SCRIPTS))).containsExactly(503, 503, 200);
    // full jitter with random 0.5: half of 10 ms, then half of 20 ms
    assertThat(sleeps).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10));
  }

  @Test
  void persistent5xxGivesUpAfterMaxAttempts() {
    fault("{\"method\":\"GET\",\"path\":\"/workers/scripts$\",\"status\":502,\"times\":10}");

    CloudflareApiException e = catchThrowableOfType(api::listScripts, CloudflareApiException.class);

    assertThat(e.attempts()).isEqualTo(FAST.maxAttempts());
    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e.getMessage()).contains("Gave up after 4 attempts");
    assertThat(logged("GET", SCRIPTS)).hasSize(4);
  }

  @Test
  void droppedConnectionOnAGetIsRetried() {
    fault("{\"method\":\"GET\",\"path\":\"/workers/scripts$\",\"drop\":true,\"times\":1}");

    assertThat(api.listScripts()).isEmpty();

    assertThat(statuses(logged("GET", SCRIPTS))).as("0 = dropped").containsExactly(0, 200);
    assertThat(events.get(0).failure()).isNotNull();
  }

  @Test
  void persistentlyDroppedConnectionGivesUpWithATransportError() {
    fault("{\"method\":\"GET\",\"path\":\"/workers/subdomain$\",\"drop\":true,\"times\":10}");

    CloudflareApiException e =
        catchThrowableOfType(api::findAccountSubdomain, CloudflareApiException.class);

    assertThat(e.kind()).isEqualTo(CloudflareApiException.Kind.TRANSPORT);
    assertThat(e.httpStatus()).isZero();
    assertThat(e.attempts()).isEqualTo(4);
    assertThat(e.getMessage()).contains("got no answer").contains("Gave up after 4 attempts");
    assertThat(statuses(logged("GET", "/workers/subdomain"))).containsExactly(0, 0, 0, 0);
  }

  @Test
  void droppedConnectionOnAnUploadIsRetriedBecausePutReplaces() {
    fault("{\"method\":\"PUT\",\"path\":\"/workers/scripts/my-worker$\",\"drop\":true}");
    assertThat(deployWorker("my-worker").migrationTag()).isEqualTo("v1");
    assertThat(statuses(logged("PUT", "/workers/scripts/my-worker"))).containsExactly(0, 200);
  }

  @Test
  void droppedConnectionOnRegistryCredentialsIsRetriedBecauseItIsIdempotent() {
    fault("{\"method\":\"POST\",\"path\":\"/credentials$\",\"drop\":true}");

    // This emulator has no registry: the second attempt gets a real answer, which ends the call.
    CloudflareApiException e =
        catchThrowableOfType(
            () -> api.createPushCredentials("127.0.0.1:5000", 15), CloudflareApiException.class);

    assertThat(e.errorName()).isEqualTo("IMAGE_REGISTRY_NOT_CONFIGURED");
    assertThat(statuses(logged("POST", "/credentials"))).containsExactly(0, 404);
  }

  @Test
  void readTimeoutOnAGetIsRetried() throws InterruptedException {
    CloudflareApi impatient =
        new CloudflareApi(config(TOKEN, FAST).readTimeout(Duration.ofMillis(200)).build());
    try {
      fault("{\"method\":\"GET\",\"path\":\"/workers/scripts$\",\"delayMillis\":600}");

      assertThat(impatient.listScripts()).isEmpty();

      assertThat(events).extracting(ApiCallEvent::status).containsExactly(0, 200);
      assertThat(events.get(0).failure()).containsIgnoringCase("timeout");
      // the emulator logs the slow first request when it finally answers it (the client had left)
      assertThat(awaitLogged("GET", SCRIPTS, 2)).hasSize(2);
    } finally {
      impatient.close();
    }
  }

  @Test
  void readTimeoutOnCreateApplicationIsNotRetried() throws InterruptedException {
    CloudflareApi impatient =
        new CloudflareApi(config(TOKEN, FAST).readTimeout(Duration.ofMillis(200)).build());
    try {
      fault("{\"method\":\"POST\",\"path\":\"/containers/applications$\",\"delayMillis\":600}");

      CloudflareApiException e =
          catchThrowableOfType(
              () -> impatient.createApplication(INVALID_CREATE), CloudflareApiException.class);

      assertThat(e.kind()).isEqualTo(CloudflareApiException.Kind.TRANSPORT);
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(events).hasSize(1);
      assertThat(awaitLogged("POST", APPS, 1))
          .as("exactly one create reached the server")
          .hasSize(1);
    } finally {
      impatient.close();
    }
  }

  @Test
  void droppedConnectionOnCreateApplicationIsNotRetried() {
    fault("{\"method\":\"POST\",\"path\":\"/containers/applications$\",\"drop\":true}");

    CloudflareApiException e =
        catchThrowableOfType(
            () -> api.createApplication(INVALID_CREATE), CloudflareApiException.class);

    assertThat(e.kind()).isEqualTo(CloudflareApiException.Kind.TRANSPORT);
    assertThat(e.getMessage()).contains("Not retried");
    assertThat(statuses(logged("POST", APPS))).containsExactly(0);
  }

  @Test
  void internalErrorOnCreateApplicationIsNotRetried() {
    fault("{\"method\":\"POST\",\"path\":\"/containers/applications$\",\"status\":500}");

    CloudflareApiException e =
        catchThrowableOfType(
            () -> api.createApplication(INVALID_CREATE), CloudflareApiException.class);

    assertThat(e.httpStatus()).isEqualTo(500);
    assertThat(e.getMessage()).contains("Not retried");
    assertThat(statuses(logged("POST", APPS))).containsExactly(500);
  }

  @Test
  void rateLimitOnCreateApplicationIsRetriedAndA400EndsIt() {
    fault(
        "{\"method\":\"POST\",\"path\":\"/containers/applications$\",\"status\":429,\"retryAfter\":\"1\"}");

    CloudflareApiException e =
        catchThrowableOfType(
            () -> api.createApplication(INVALID_CREATE), CloudflareApiException.class);

    // 429 was not acted on: retried; the real answer, VALIDATE_INPUT (400), is not retried.
    assertThat(statuses(logged("POST", APPS))).containsExactly(429, 400);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errorName()).isEqualTo("VALIDATE_INPUT");
    assertThat(e.detail().orElseThrow().details()).containsKey("configuration");
    assertThat(e.attempts()).isEqualTo(2);
  }

  @Test
  void badRequestIsNeverRetried() {
    fault(
        "{\"method\":\"GET\",\"path\":\"/workers/scripts$\",\"status\":400,\"code\":10021,\"times\":5}");

    CloudflareApiException e = catchThrowableOfType(api::listScripts, CloudflareApiException.class);

    assertThat(e.hasCode(10021)).isTrue();
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
    assertThat(statuses(logged("GET", SCRIPTS))).containsExactly(400);
  }

  @Test
  void idempotentPostsAreRetriedOn500() {
    deployWorker("my-worker");
    clearRequests();
    fault("{\"method\":\"POST\",\"path\":\"/subdomain$\",\"status\":500}");

    assertThat(api.enableScriptSubdomain("my-worker").enabled()).isTrue();

    assertThat(statuses(logged("POST", "/workers/scripts/my-worker/subdomain")))
        .containsExactly(500, 200);
  }
}
