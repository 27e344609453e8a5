package io.github.cfcontainers.emulator;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One emulator per test class (reset before each test), no Docker, no registry unless a subclass
 * adds them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EmulatorHarness {
  protected CloudflareEmulator emulator;
  protected Api api;

  protected CloudflareEmulator.Builder configure(CloudflareEmulator.Builder b) {
    return b;
  }

  @BeforeAll
  protected void startEmulator() throws IOException {
    emulator =
        configure(
                CloudflareEmulator.builder()
                    .apiToken(Fixtures.TOKEN)
                    .tokenWithoutContainers(Fixtures.LIMITED_TOKEN)
                    .workersDevSubdomain("acme"))
            .start();
    api = new Api(emulator.apiBaseUrl(), emulator.accountId(), Fixtures.TOKEN);
  }

  @BeforeEach
  protected void resetEmulator() {
    Api.Reply r = new Api(emulator.adminUrl(), emulator.accountId(), null).post("/reset", "{}");
    if (r.status() != 200) throw new IllegalStateException("reset failed: " + r);
    api.token = Fixtures.TOKEN;
  }

  @AfterAll
  protected void stopEmulator() {
    if (emulator != null) emulator.close();
  }

  /** Deploys the standard container Worker and answers the namespace id of MyContainer. */
  protected String deployWorker(String script) {
    Api.Reply up = api.upload(script, Fixtures.metadata(script + "-mycontainer"), Fixtures.WORKER);
    if (up.status() != 200) throw new IllegalStateException("upload failed: " + up);
    Api.Reply v =
        api.get(
            "/accounts/{a}/workers/scripts/"
                + script
                + "/versions/"
                + up.result().path("deployment_id").asText());
    return v.result().path("resources").path("bindings").path(0).path("namespace_id").asText();
  }
}
