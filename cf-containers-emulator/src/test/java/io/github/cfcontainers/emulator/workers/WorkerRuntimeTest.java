package io.github.cfcontainers.emulator.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import io.github.cfcontainers.emulator.Fixtures;
import io.github.cfcontainers.emulator.TestGround;
import io.github.cfcontainers.emulator.WranglerTool;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The workers.dev stand-in runs the uploaded Worker in Miniflare (wrangler 4.86.0's): a request
 * goes Worker -> Durable Object -> container from the real registry, and the container gets the
 * class's envVars.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerRuntimeTest {
  private WranglerTool tool;
  private CloudflareEmulator emulator;
  private Api api;

  @BeforeAll
  void start() throws Exception {
    tool = WranglerTool.onSystemNode("4.86.0");
    emulator =
        TestGround.withRegistry(CloudflareEmulator.builder())
            .apiToken(Fixtures.TOKEN)
            .workersDevSubdomain("acme")
            .runContainers(true)
            .workerRuntime(tool.nodeModules.getParent())
            .start();
    api = new Api(emulator.apiBaseUrl(), emulator.accountId(), Fixtures.TOKEN);
  }

  @AfterAll
  void stop() {
    if (emulator != null) emulator.close();
  }

  @Test
  void requestsRunTheUploadedWorkerAndReachItsNamedContainers() throws Exception {
    JsonNode runtime = state().path("worker_runtime");
    assertThat(runtime.path("mode").asText()).as(runtime.toString()).isEqualTo("worker");
    String prefix = runtime.path("container_name_prefix").asText();

    // The container writes its environment where httpd serves it (a static file has a length: the
    // test ground's sidecar stand-in relays bytes but cannot end a close-delimited body).
    String local =
        TestGround.build(
            """
        FROM %s
        CMD ["sh", "-c", "mkdir -p /www && echo \\"MESSAGE=$MESSAGE API_KEY=$API_KEY HOST=$(hostname)\\" > /www/env.txt && exec httpd -f -p 8080 -h /www"]
        """
                .formatted(TestGround.env("CF_TEST_BUSYBOX_IMAGE")));
    String image = TestGround.push(api, local, "emu-worker-runtime");
    String ns = upload("hello", "from-the-container-class", "2025-06-01");
    Api.Reply app =
        api.post(
            "/accounts/{a}/containers/applications",
            """
        {"name":"rt-web","instances":0,"max_instances":2,
         "configuration":{"image":"%s","instance_type":"lite"},
         "durable_objects":{"namespace_id":"%s"}}"""
                .formatted(image, ns));
    assertThat(app.status()).as(app.toString()).isEqualTo(200);
    assertThat(
            api.post("/accounts/{a}/workers/scripts/rt/subdomain", "{\"enabled\":true}").status())
        .isEqualTo(200);

    long t0 = System.nanoTime();
    HttpResponse<String> worker = get("worker");
    long firstMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(worker.statusCode()).as(worker.body()).isEqualTo(200);
    assertThat(worker.body()).isEqualTo("worker says hello");
    assertThat(worker.headers().firstValue(TrafficProxy.TRAFFIC_HEADER)).hasValue("worker");

    t0 = System.nanoTime();
    HttpResponse<String> main = get("env.txt");
    long containerMs = (System.nanoTime() - t0) / 1_000_000;
    System.err.println(
        "[test] first answer from the Worker "
            + firstMs
            + " ms, first from its container "
            + containerMs
            + " ms");
    assertThat(main.statusCode()).as(main.body()).isEqualTo(200);
    assertThat(main.body())
        .startsWith("MESSAGE=from-the-container-class API_KEY=" + SECRET + " HOST=");
    // The hostname is the container's id: it tells instances apart (CLOUDFLARE_DURABLE_OBJECT_ID is
    // a
    // placeholder in the local runtime).
    String mainId = main.body().trim().substring(main.body().indexOf("HOST=") + 5);
    assertThat(mainId).matches("[0-9a-f]{12}");

    HttpResponse<String> other = get("instance/other/env.txt");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
    assertThat(other.body())
        .startsWith("MESSAGE=from-the-container-class API_KEY=" + SECRET + " HOST=")
        .doesNotContain(mainId);
    assertThat(get("env.txt").body()).contains(mainId); // the same name is the same instance
    // Both instances (each with its sidecar) are containers of this emulator's runtime.
    assertThat(containers(prefix)).hasSizeGreaterThanOrEqualTo(4);

    // A new version of the Worker restarts the runtime: the new code answers, the old containers
    // go.
    // Dated today, newer than this workerd build: it runs on the newest date the runtime has.
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    upload("hello again", "changed", today);
    HttpResponse<String> again = get("worker");
    assertThat(again.body()).isEqualTo("worker says hello again");
    // The second upload sent no secret but keep_bindings secret_text: the value from before still
    // reaches it.
    assertThat(get("env.txt").body()).startsWith("MESSAGE=changed API_KEY=" + SECRET + " HOST=");
    // Write-only, as on the real API: no answer and no admin state carries the value.
    assertThat(api.get("/accounts/{a}/workers/scripts/rt/settings").toString())
        .doesNotContain(SECRET);
    assertThat(state().toString()).doesNotContain(SECRET);
    JsonNode running = state().path("worker_runtime").path("workers").get(0);
    assertThat(running.path("images").path("Web").asText()).startsWith("cf-emulator/rt-web:");
    assertThat(running.path("compatibility_date").asText()).isEqualTo(today);
    assertThat(running.path("compatibility_date_used").asText())
        .matches("\\d{4}-\\d{2}-\\d{2}")
        .isLessThan(today);

    emulator.close();
    assertThat(containers(prefix)).as("containers left by the runtime after close()").isEmpty();
    emulator = null;
  }

  private static final String SECRET = "s3cret-" + "from-the-upload";

  private String upload(String greeting, String message, String date) throws Exception {
    String source = bundle(message);
    boolean first = api.get("/accounts/{a}/workers/scripts/rt/settings").status() == 404;
    String metadata =
        """
        {"main_module":"worker.js","compatibility_date":"%s",
         "bindings":[{"type":"durable_object_namespace","name":"WEB","class_name":"Web"},
                     {"type":"plain_text","name":"GREETING","text":"%s"}%s],
         %s}"""
            .formatted(
                date,
                greeting,
                first
                    ? ",{\"type\":\"secret_text\",\"name\":\"API_KEY\",\"text\":\"" + SECRET + "\"}"
                    : "",
                first
                    ? "\"containers\":[{\"class_name\":\"Web\"}],\"migrations\":{\"new_tag\":\"v1\",\"steps\":[{\"new_sqlite_classes\":[\"Web\"]}]}"
                    : "\"keep_bindings\":[\"secret_text\"],\"migrations\":{\"old_tag\":\"v1\",\"new_tag\":\"v2\",\"steps\":[]}");
    Api.Reply up = api.upload("rt", metadata, source);
    assertThat(up.status()).as(up.toString()).isEqualTo(200);
    Api.Reply v =
        api.get(
            "/accounts/{a}/workers/scripts/rt/versions/"
                + up.result().path("deployment_id").asText());
    return v.result().path("resources").path("bindings").path(0).path("namespace_id").asText();
  }

  /**
   * esbuild from wrangler's node_modules, with the flags worker-side.md gives for a container
   * Worker.
   */
  private String bundle(String message) throws Exception {
    Path dir = Files.createTempDirectory("cf-emu-rt");
    try {
      String src =
          new String(
                  WorkerRuntimeTest.class
                      .getResourceAsStream("/worker-runtime-fixture/worker.js")
                      .readAllBytes(),
                  StandardCharsets.UTF_8)
              .replace("__MESSAGE__", message);
      Files.writeString(dir.resolve("worker.js"), src);
      WranglerTool.Run r =
          WranglerTool.exec(
              List.of(
                  tool.nodeModules.resolve("esbuild/bin/esbuild").toString(),
                  "worker.js",
                  "--bundle",
                  "--format=esm",
                  "--platform=neutral",
                  "--target=es2022",
                  "--conditions=workerd,worker,browser",
                  "--main-fields=workerd,worker,browser,module,main",
                  "--external:cloudflare:*",
                  "--external:node:*",
                  "--outfile=out.js"),
              dir,
              Map.of("NODE_PATH", tool.nodeModules.toString()),
              60);
      assertThat(r.exit()).as(r.tail()).isZero();
      return Files.readString(dir.resolve("out.js"));
    } finally {
      WorkerRuntime.deleteTree(dir);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = emulator.workersDevUrl("rt").resolve(path);
    return Api.HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode state() {
    return new Api(emulator.adminUrl(), emulator.accountId(), null).get("/state").body();
  }

  static List<String> containers(String namePrefix) throws Exception {
    Process ps =
        new ProcessBuilder("docker", "ps", "-a", "--format", "{{.Names}}")
            .redirectErrorStream(true)
            .start();
    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    ps.waitFor();
    return out.lines().filter(n -> n.startsWith(namePrefix)).toList();
  }
}
