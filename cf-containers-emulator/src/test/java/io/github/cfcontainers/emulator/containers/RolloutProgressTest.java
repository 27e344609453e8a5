package io.github.cfcontainers.emulator.containers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import io.github.cfcontainers.emulator.RegistryHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutProgressTest extends RegistryHarness {
  @Override
  protected CloudflareEmulator.Builder configure(CloudflareEmulator.Builder b) {
    return super.configure(b).rolloutStepDelay(Duration.ofSeconds(1));
  }

  @Test
  void aDelayedRolloutIsObservedProgressingThenCompleted() throws InterruptedException {
    String ns = deployWorker("shop");
    String id =
        api.post("/accounts/{a}/containers/applications", createBody("a", ns, lite(image)))
            .result()
            .path("id")
            .asText();
    String body =
        "{\"description\":\"d\",\"strategy\":\"rolling\",\"kind\":\"full_auto\",\"step_percentage\":50,\"target_configuration\":"
            + lite(image)
            + "}";
    Api.Reply r = api.post("/accounts/{a}/containers/applications/" + id + "/rollouts", body);
    assertThat(r.result().path("status").asText()).isIn("pending", "progressing");
    String path =
        "/accounts/{a}/containers/applications/"
            + id
            + "/rollouts/"
            + r.result().path("id").asText();
    List<String> seen = new ArrayList<>();
    int lastStep = 0;
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      Api.Reply now = api.get(path);
      String status = now.result().path("status").asText();
      int step = now.result().path("progress").path("current_step").asInt();
      assertThat(step).isGreaterThanOrEqualTo(lastStep);
      lastStep = step;
      if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) seen.add(status);
      if (status.equals("completed")) break;
      Thread.sleep(100);
    }
    assertThat(seen).contains("progressing").endsWith("completed");
    assertThat(lastStep).isEqualTo(2);
  }
}
