package io.github.cfcontainers.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoSubdomainTest extends EmulatorHarness {
  @Override
  CloudflareEmulator.Builder configure(CloudflareEmulator.Builder b) {
    return b.workersDevSubdomain(null);
  }

  @Test
  void accountWithoutSubdomainAnswers10007() {
    Api.Reply r = api.get("/accounts/{a}/workers/subdomain");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.code()).isEqualTo(10007);
    deployWorker("shop");
    assertThat(
            api.post("/accounts/{a}/workers/scripts/shop/subdomain", "{\"enabled\":true}").code())
        .isEqualTo(10007);
  }
}
