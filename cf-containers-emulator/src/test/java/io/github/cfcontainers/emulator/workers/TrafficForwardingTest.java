package io.github.cfcontainers.emulator.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import io.github.cfcontainers.emulator.EmulatorHarness;
import io.github.cfcontainers.emulator.TestGround;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The announced fallback: with no usable Workers runtime (here a directory without Miniflare), a
 * deployed app still answers through the emulator's stand-in for its workers.dev URL, straight from
 * a real container, and every answer and the admin state say that the Worker did not run.
 */
class TrafficForwardingTest extends EmulatorHarness {
  private static final Path NO_RUNTIME =
      Path.of(System.getProperty("java.io.tmpdir"), "cf-emu-no-runtime-" + TestGround.RUN);

  @Override
  protected CloudflareEmulator.Builder configure(CloudflareEmulator.Builder b) {
    return TestGround.withRegistry(b).runContainers(true).workerRuntime(NO_RUNTIME);
  }

  /** A local busybox image whose httpd answers {@code text} at /index.html on $PORT. */
  private static String httpdServing(String text) throws Exception {
    return TestGround.build(
        """
        FROM %s
        RUN mkdir -p /www && echo %s > /www/index.html
        CMD ["sh", "-c", "exec httpd -f -p 127.0.0.1:$PORT -h /www"]
        """
            .formatted(TestGround.env("CF_TEST_BUSYBOX_IMAGE"), text));
  }

  @Test
  void busyboxHttpdAnswersThroughTheWorkersDevStandIn() throws Exception {
    String local = httpdServing("hello-from-container");
    String image = TestGround.push(api, local, "emu-httpd");
    String ns = deployWorker("web");
    Api.Reply app =
        api.post(
            "/accounts/{a}/containers/applications",
            """
        {"name":"web-mycontainer","instances":0,"max_instances":1,
         "configuration":{"image":"%s","instance_type":"lite"},
         "durable_objects":{"namespace_id":"%s"}}"""
                .formatted(image, ns));
    assertThat(app.status()).as(app.toString()).isEqualTo(200);

    // Like workers.dev: nothing there until the script's route is enabled.
    HttpRequest get =
        HttpRequest.newBuilder(emulator.workersDevUrl("web").resolve("index.html"))
            .timeout(Duration.ofSeconds(60))
            .build();
    assertThat(Api.HTTP.send(get, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(404);
    api.post("/accounts/{a}/workers/scripts/web/subdomain", "{\"enabled\":true}");

    HttpResponse<String> r = Api.HTTP.send(get, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("hello-from-container");
    assertThat(r.headers().firstValue(TrafficProxy.TRAFFIC_HEADER).orElse(""))
        .startsWith("direct; the Worker does not run: no Miniflare in " + NO_RUNTIME);
    com.fasterxml.jackson.databind.JsonNode runtime =
        new Api(emulator.adminUrl(), emulator.accountId(), null)
            .get("/state")
            .body()
            .path("worker_runtime");
    assertThat(runtime.path("mode").asText()).isEqualTo("direct");
    assertThat(runtime.path("reason").asText()).startsWith("no Miniflare in " + NO_RUNTIME);
    String appId = app.result().path("id").asText();
    assertThat(
            api.get("/accounts/{a}/containers/applications/" + appId + "/instances-v2")
                .result()
                .get(0)
                .path("status")
                .path("state")
                .asText())
        .isEqualTo("running");

    // A rollout to a new image replaces the running container.
    String local2 = httpdServing("hello-after-rollout");
    String image2 = TestGround.push(api, local2, "emu-httpd2");
    Api.Reply rollout =
        api.post(
            "/accounts/{a}/containers/applications/" + appId + "/rollouts",
            "{\"description\":\"new image\",\"strategy\":\"rolling\",\"kind\":\"full_auto\",\"step_percentage\":100,"
                + "\"target_configuration\":{\"image\":\""
                + image2
                + "\",\"instance_type\":\"lite\"}}");
    assertThat(rollout.status()).as(rollout.toString()).isEqualTo(200);
    String body = "";
    long deadline = System.currentTimeMillis() + 60_000;
    while (!body.contains("hello-after-rollout") && System.currentTimeMillis() < deadline) {
      Thread.sleep(300);
      body = Api.HTTP.send(get, HttpResponse.BodyHandlers.ofString()).body();
    }
    assertThat(body).contains("hello-after-rollout");

    // close() and reset remove the containers this emulator started.
    emulator.reset();
    Process ps =
        new ProcessBuilder(
                "docker",
                "ps",
                "-aq",
                "--filter",
                "label=io.github.cfcontainers.emulator.application=" + appId)
            .redirectErrorStream(true)
            .start();
    assertThat(new String(ps.getInputStream().readAllBytes()).trim()).isEmpty();
  }
}
