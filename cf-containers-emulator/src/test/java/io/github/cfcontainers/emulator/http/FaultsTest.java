package io.github.cfcontainers.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.EmulatorHarness;
import io.github.cfcontainers.emulator.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsTest extends EmulatorHarness {

  private Api admin() {
    return new Api(emulator.adminUrl(), emulator.accountId(), null);
  }

  @Test
  void rateLimitFaultAnswers429WithRetryAfterForNRequests() {
    Api.Reply set =
        admin()
            .post(
                "/faults",
                "{\"method\":\"GET\",\"path\":\"/workers/scripts$\",\"times\":2,\"status\":429,\"retryAfter\":\"1\"}");
    assertThat(set.status()).isEqualTo(200);
    for (int i = 0; i < 2; i++) {
      Api.Reply r = api.get("/accounts/{a}/workers/scripts");
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.raw().headers().firstValue("Retry-After")).contains("1");
      assertThat(r.body().path("success").asBoolean()).isFalse();
    }
    assertThat(api.get("/accounts/{a}/workers/scripts").status()).isEqualTo(200);
  }

  @Test
  void droppedConnectionFault() {
    admin()
        .post(
            "/faults",
            "{\"method\":\"PUT\",\"path\":\"/workers/scripts/\",\"times\":1,\"drop\":true}");
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(api.base + "/accounts/" + api.account + "/workers/scripts/x"))
            .header("Authorization", "Bearer " + Fixtures.TOKEN)
            .PUT(HttpRequest.BodyPublishers.ofString("x"))
            .build();
    assertThatThrownBy(() -> Api.HTTP.send(req, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(api.upload("x", Fixtures.metadata("x"), Fixtures.WORKER).status()).isEqualTo(200);
  }

  @Test
  void faultCanCarryASpecificCodeSuchAsVersionNotFoundYet() {
    admin()
        .post(
            "/faults",
            "{\"method\":\"GET\",\"path\":\"/versions/\",\"times\":1,\"status\":404,\"code\":100146}");
    Api.Reply up = api.upload("x", Fixtures.metadata("x"), Fixtures.WORKER);
    String path =
        "/accounts/{a}/workers/scripts/x/versions/" + up.result().path("deployment_id").asText();
    Api.Reply first = api.get(path);
    assertThat(first.status()).isEqualTo(404);
    assertThat(first.code()).isEqualTo(100146);
    assertThat(api.get(path).status()).isEqualTo(200);
  }

  /** A GET of the account's {@code path} whose client stops waiting after 150 ms. */
  private void assertClientGivesUp(String path) {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(api.base + "/accounts/" + api.account + path))
            .header("Authorization", "Bearer " + Fixtures.TOKEN)
            .timeout(Duration.ofMillis(150))
            .GET()
            .build();
    assertThatThrownBy(() -> Api.HTTP.send(req, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void requestWhoseClientTimedOutIsStillLogged() throws Exception {
    admin()
        .post("/faults", "{\"method\":\"GET\",\"path\":\"/workers/scripts$\",\"delayMillis\":600}");
    assertClientGivesUp("/workers/scripts");
    int logged = 0;
    for (int i = 0; i < 60 && logged == 0; i++) {
      Thread.sleep(50);
      logged = admin().get("/requests").body().size();
    }
    assertThat(logged).as("the request reached the server, so the log has it").isEqualTo(1);
  }

  @Test
  void delayFaultAndClearingFaults() {
    admin().post("/faults", "{\"path\":\"/workers/subdomain\",\"times\":5,\"delayMillis\":300}");
    long t0 = System.nanoTime();
    assertThat(api.get("/accounts/{a}/workers/subdomain").status()).isEqualTo(200);
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
    admin().post("/faults", "{\"path\":\".*\",\"times\":5,\"status\":500}");
    assertThat(admin().delete("/faults").status()).isEqualTo(200);
    assertThat(api.get("/accounts/{a}/workers/subdomain").status()).isEqualTo(200);
  }

  @Test
  void dropBeforeActingLeavesNoWorker() {
    admin()
        .post(
            "/faults",
            "{\"method\":\"PUT\",\"path\":\"/workers/scripts/\",\"drop\":true,\"when\":\"before\"}");
    assertThatThrownBy(() -> api.upload("x", Fixtures.metadata("x"), Fixtures.WORKER))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(api.get("/accounts/{a}/workers/scripts").result()).isEmpty();
  }

  @Test
  void dropAfterActingLeavesTheWorkerUploaded() {
    admin()
        .post(
            "/faults",
            "{\"method\":\"PUT\",\"path\":\"/workers/scripts/\",\"drop\":true,\"when\":\"after\"}");
    assertThatThrownBy(() -> api.upload("x", Fixtures.metadata("x"), Fixtures.WORKER))
        .as("the connection is closed without an answer")
        .isInstanceOf(UncheckedIOException.class);
    Api.Reply list = api.get("/accounts/{a}/workers/scripts");
    assertThat(list.result()).hasSize(1);
    assertThat(list.result().path(0).path("id").asText()).isEqualTo("x");
    assertThat(admin().get("/requests").body().path(0).path("status").asInt())
        .as("dropped: status 0")
        .isZero();
  }

  @Test
  void lateAnswerAfterActingOutlastsTheClientTimeoutButTheWorkerExists() throws Exception {
    admin()
        .post(
            "/faults",
            "{\"method\":\"GET\",\"path\":\"/workers/subdomain$\",\"delayMillis\":800,\"when\":\"after\"}");
    admin()
        .post(
            "/faults",
            "{\"method\":\"PUT\",\"path\":\"/workers/scripts/\",\"delayMillis\":800,\"when\":\"after\"}");
    assertClientGivesUp("/workers/subdomain");
    long t0 = System.nanoTime();
    assertThat(api.upload("x", Fixtures.metadata("x"), Fixtures.WORKER).status()).isEqualTo(200);
    assertThat((System.nanoTime() - t0) / 1_000_000)
        .as("answered late")
        .isGreaterThanOrEqualTo(800);
    // Logged with its real status as soon as it was acted on, before the late answer.
    assertThat(admin().get("/requests").body().findValues("status").stream().map(n -> n.asInt()))
        .contains(200);
    assertThat(api.get("/accounts/{a}/workers/scripts").result()).hasSize(1);
  }

  @Test
  void whenIsCheckedAndAfterCannotCarryAStatus() {
    assertThat(admin().post("/faults", "{\"drop\":true,\"when\":\"later\"}").status())
        .isEqualTo(400);
    assertThat(admin().post("/faults", "{\"status\":500,\"when\":\"after\"}").status())
        .isEqualTo(400);
    assertThat(admin().get("/faults").body().path(0).isMissingNode()).isTrue();
    admin().post("/faults", "{\"drop\":true,\"when\":\"after\"}");
    assertThat(admin().get("/faults").body().path(0).path("when").asText()).isEqualTo("after");
  }
}
