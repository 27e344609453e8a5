package io.github.cfcontainers.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutProgressTest extends RegistryHarness {
    @Override
    CloudflareEmulator.Builder configure(CloudflareEmulator.Builder b) {
        return super.configure(b).rolloutStepDelay(Duration.ofMillis(400));
    }

    @Test
    void aDelayedRolloutIsObservedProgressingThenCompleted() throws InterruptedException {
        String ns = deployWorker("shop");
        String id = api.post("/accounts/{a}/containers/applications", createBody("a", ns, lite(image))).result().path("id").asText();
        String body = "{\"description\":\"d\",\"strategy\":\"rolling\",\"kind\":\"full_auto\",\"step_percentage\":50,\"target_configuration\":" + lite(image) + "}";
        Api.Reply r = api.post("/accounts/{a}/containers/applications/" + id + "/rollouts", body);
        assertThat(r.result().path("status").asText()).isIn("pending", "progressing");
        String path = "/accounts/{a}/containers/applications/" + id + "/rollouts/" + r.result().path("id").asText();
        Thread.sleep(500);
        Api.Reply mid = api.get(path);
        assertThat(mid.result().path("status").asText()).isEqualTo("progressing");
        assertThat(mid.result().path("progress").path("current_step").asInt()).isEqualTo(1);
        Thread.sleep(500);
        assertThat(api.get(path).result().path("status").asText()).isEqualTo("completed");
    }
}
