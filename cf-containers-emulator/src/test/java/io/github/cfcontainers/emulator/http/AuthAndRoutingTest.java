package io.github.cfcontainers.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.EmulatorHarness;
import io.github.cfcontainers.emulator.Fixtures;
import org.junit.jupiter.api.Test;

class AuthAndRoutingTest extends EmulatorHarness {

  @Test
  void missingTokenIs401WithCode10000() {
    Api.Reply r = api.as(null).get("/accounts/{a}/workers/scripts");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo(10000);
    assertThat(r.body().path("success").asBoolean()).isFalse();
  }

  @Test
  void wrongTokenIs403WithCode10000() {
    Api.Reply r = api.as("not-the-token").get("/accounts/{a}/workers/scripts");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.code()).isEqualTo(10000);
  }

  @Test
  void otherAccountIsRefused() {
    Api.Reply r = api.get("/accounts/ffffffffffffffffffffffffffffffff/workers/scripts");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.code()).isEqualTo(10000);
  }

  @Test
  void tokenWithoutContainersPermissionWorksForWorkersButNotContainers() {
    Api limited = api.as(Fixtures.LIMITED_TOKEN);
    assertThat(limited.get("/accounts/{a}/workers/scripts").status()).isEqualTo(200);
    Api.Reply r = limited.get("/accounts/{a}/containers/applications");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.code()).isEqualTo(10000);
    assertThat(api.get("/accounts/{a}/containers/applications").status()).isEqualTo(200);
  }

  @Test
  void unknownRouteIs404With7003() {
    Api.Reply r = api.get("/accounts/{a}/workers/nothing-here");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.code()).isEqualTo(7003);
  }

  @Test
  void requestLogHasMethodPathStatusAndNeverTheToken() {
    api.get("/accounts/{a}/workers/scripts");
    api.post("/accounts/{a}/workers/scripts/x/subdomain", "{\"enabled\":true}");
    Api admin = new Api(emulator.adminUrl(), emulator.accountId(), null);
    Api.Reply log = admin.get("/requests");
    assertThat(log.body()).hasSize(2);
    assertThat(log.body().get(0).path("method").asText()).isEqualTo("GET");
    assertThat(log.body().get(1).path("status").asInt()).isEqualTo(404);
    assertThat(log.body().get(1).path("body").asText()).contains("enabled");
    assertThat(log.raw().body()).doesNotContain(Fixtures.TOKEN);
    assertThat(admin.delete("/requests").status()).isEqualTo(200);
    assertThat(admin.get("/requests").body()).isEmpty();
  }
}
