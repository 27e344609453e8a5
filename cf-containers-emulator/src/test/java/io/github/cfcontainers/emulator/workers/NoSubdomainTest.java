package io.github.cfcontainers.emulator.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import io.github.cfcontainers.emulator.EmulatorHarness;
import org.junit.jupiter.api.Test;

class NoSubdomainTest extends EmulatorHarness {
  @Override
  protected CloudflareEmulator.Builder configure(CloudflareEmulator.Builder b) {
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
