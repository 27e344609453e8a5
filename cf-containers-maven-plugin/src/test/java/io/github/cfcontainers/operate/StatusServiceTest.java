// Over 300 lines: one test per status and drift case, on one fake account and engine.
package io.github.cfcontainers.operate;

import static io.github.cfcontainers.deploy.FakeCloudflare.ACCOUNT;
import static io.github.cfcontainers.deploy.FakeCloudflare.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.config.Written;
import io.github.cfcontainers.deploy.ApplicationSpec;
import io.github.cfcontainers.deploy.DeploymentResolver;
import io.github.cfcontainers.deploy.FakeCloudflare;
import io.github.cfcontainers.deploy.FakeDeployEngine;
import io.github.cfcontainers.deploy.TestSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusServiceTest {

  private static final String REGISTRY = "registry.cloudflare.com";
  private static final String REPO = REGISTRY + "/" + ACCOUNT + "/w-web";
  private static final String DEPLOYED = REPO + "@sha256:" + "d".repeat(64);
  private static final String NS = "a".repeat(32);

  private final FakeCloudflare cloudflare = new FakeCloudflare();

  @TempDir Path bundle;

  @AfterEach
  void close() throws IOException {
    cloudflare.close();
  }

  private static ApplicationSpec container(int maxInstances) {
    return TestSpecs.application("Web", "w-web", "WEB", "unused", maxInstances);
  }

  private static BuildReport built(String tag) {
    return new BuildReport(
        "w",
        false,
        null,
        List.of(
            new BuildReport.Image(
                "w-web",
                "Web",
                "w-web:" + tag,
                "sha256:" + "1".repeat(64),
                tag,
                1000L,
                "linux/amd64",
                false,
                null)));
  }

  private static BuildReport prebuilt(String reference) {
    return new BuildReport(
        "w",
        false,
        null,
        List.of(
            new BuildReport.Image("w-web", "Web", reference, null, null, null, null, true, null)));
  }

  private void deployed(int maxInstances, String rolloutId) {
    String app =
        "{\"id\":\"app-1\",\"name\":\"w-web\",\"max_instances\":"
            + maxInstances
            + ",\"scheduling_policy\":\"default\","
            + "\"configuration\":{\"image\":\""
            + DEPLOYED
            + "\",\"instance_type\":\"dev\",\"vcpu\":0.0625,\"memory_mib\":256,"
            + "\"disk\":{\"size_mb\":2000},\"observability\":{\"logs\":{\"enabled\":true}}},"
            + "\"durable_objects\":{\"namespace_id\":\""
            + NS
            + "\"},"
            + (rolloutId == null ? "" : "\"active_rollout_id\":\"" + rolloutId + "\",")
            + "\"health\":{\"instances\":{\"active\":2,\"healthy\":1,\"failed\":0,\"starting\":1,\"scheduling\":0}}}";
    cloudflare
        .on("GET", "/workers/scripts", ok("[{\"id\":\"w\",\"migration_tag\":\"v1\"}]"))
        .on("GET", "/containers/me", ok("{\"account_id\":\"x\"}"))
        .on(
            "GET",
            "/workers/scripts/w/deployments",
            ok(
                "{\"deployments\":[{\"id\":\"d2\",\"versions\":[{\"version_id\":\"ver-2\",\"percentage\":100}]},"
                    + "{\"id\":\"d1\",\"versions\":[{\"version_id\":\"ver-1\",\"percentage\":100}]}]}"))
        .on(
            "GET",
            "/workers/scripts/w/subdomain",
            ok("{\"enabled\":true,\"previews_enabled\":false}"))
        .on("GET", "/workers/subdomain", ok("{\"subdomain\":\"acme\"}"))
        .on(
            "GET",
            "/workers/durable_objects/namespaces",
            ok(
                "[{\"id\":\""
                    + NS
                    + "\",\"name\":\"w_Web\",\"script\":\"w\",\"class\":\"Web\",\"use_sqlite\":true}]"))
        .on("GET", "/containers/applications", ok("[" + app + "]"))
        .on(
            "GET",
            "/containers/applications/app-1/instances-v2",
            ok(
                "[{\"id\":\"i1\",\"state\":\"running\"},{\"id\":\"i2\",\"state\":\"running\"},{\"id\":\"i3\",\"state\":\"starting\"}]"))
        .on(
            "GET",
            "/containers/applications/app-1/rollouts/r-1",
            ok(
                "{\"id\":\"r-1\",\"status\":\"progressing\","
                    + "\"progress\":{\"total_steps\":2,\"current_step\":1,\"updated_instances\":1,\"total_instances\":2}}"));
  }

  private StatusReport status(
      ApplicationSpec container, BuildReport build, ContainerEngine engine) {
    var worker =
        new DeploymentResolver(Clock.systemUTC())
            .worker(
                "w", new Written.Worker("2026-11-01", null, null, null, null), List.of(), false);
    var settings = new StatusSettings(ACCOUNT, REGISTRY, worker, List.of(container), build, bundle);
    var report = new StatusService(cloudflare.api, engine, Reporter.SILENT).status(settings);
    assertThat(cloudflare.calls).as("reads only").allMatch(c -> c.method().equals("GET"));
    return report;
  }

  @Test
  void reportsTheWorkerTheDigestInstancesAndRolloutWithoutDrift() {
    deployed(20, "r-1");

    var report = status(container(20), prebuilt(DEPLOYED), null);

    assertThat(report.deployed()).isTrue();
    assertThat(report.drift()).isFalse();
    assertThat(report.worker())
        .isEqualTo(
            new StatusReport.Worker(
                "w",
                true,
                "ver-2",
                "v1",
                "https://w.acme.workers.dev",
                null,
                "no Worker bundle in build.json: run 'mvn package' (cf:build) to compare the Worker"));
    var c = report.containers().get(0);
    assertThat(c.image()).isEqualTo(DEPLOYED);
    assertThat(c.health()).containsEntry("active", 2).containsEntry("starting", 1);
    assertThat(c.instanceStates()).isEqualTo(Map.of("running", 2, "starting", 1));
    assertThat(c.rollout()).isEqualTo(new StatusReport.Rollout("r-1", "progressing", 1, 2, 1, 2));
    assertThat(report.lines())
        .contains(
            "Application w-web (app-1): image " + DEPLOYED,
            "  drift: none",
            "  rollout r-1: progressing, step 1 of 2, 1 of 2 instance(s) updated",
            "No drift: what is deployed matches the POM.");
  }

  private static okhttp3.mockwebserver.MockResponse page(String resultJson, String resultInfoJson) {
    return new okhttp3.mockwebserver.MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":"
                + resultJson
                + ",\"result_info\":"
                + resultInfoJson
                + "}");
  }

  @Test
  void everyPageOfNamespacesAndInstancesIsRead() {
    deployed(20, null);
    // The Worker's namespace is on the second page (page/per_page with total_count, as
    // fetchPagedListResult reads
    // them); the instances come in two pages chained by next_page_token (PaginatedResult.ts
    // ResultInfo).
    cloudflare
        .on(
            "GET",
            "/workers/durable_objects/namespaces",
            page(
                "[{\"id\":\""
                    + "b".repeat(32)
                    + "\",\"name\":\"o_Web\",\"script\":\"o\",\"class\":\"Web\"}]",
                "{\"page\":1,\"per_page\":1,\"count\":1,\"total_count\":2}"),
            page(
                "[{\"id\":\"" + NS + "\",\"name\":\"w_Web\",\"script\":\"w\",\"class\":\"Web\"}]",
                "{\"page\":2,\"per_page\":1,\"count\":1,\"total_count\":2}"))
        .on(
            "GET",
            "/containers/applications/app-1/instances-v2",
            page(
                "[{\"id\":\"i1\",\"state\":\"running\"}]",
                "{\"per_page\":1,\"next_page_token\":\"t2\"}"),
            page(
                "[{\"id\":\"i2\",\"state\":\"starting\"}]",
                "{\"per_page\":1,\"page_token\":\"t2\"}"));

    var report = status(container(20), prebuilt(DEPLOYED), null);

    assertThat(report.containers().get(0).instanceStates())
        .isEqualTo(Map.of("running", 1, "starting", 1));
    assertThat(report.drift()).as("the namespace on page 2 is the Worker's").isFalse();
    assertThat(cloudflare.calls)
        .extracting(FakeCloudflare.Call::path)
        .contains(
            "/workers/durable_objects/namespaces?per_page=1000&page=2",
            "/containers/applications/app-1/instances-v2?page_token=t2");
  }

  @Test
  void driftIsTheDeployPlansFieldDiff() {
    deployed(5, null);

    var report = status(container(20), prebuilt(DEPLOYED), null);

    assertThat(report.drift()).isTrue();
    assertThat(report.containers().get(0).drift()).containsExactly("max_instances: 5 -> 20");
    assertThat(report.lines()).contains("  rollout: none active");
  }

  @Test
  void aBuiltImageMatchesWhenTheEngineRecordsItWasPushedAsTheDeployedDigest() {
    deployed(20, null);

    assertThat(
            status(
                    container(20),
                    built("abc123"),
                    FakeDeployEngine.readOnly(1000, List.of(DEPLOYED)))
                .drift())
        .isFalse();

    var changed =
        status(
            container(20),
            built("abc123"),
            FakeDeployEngine.readOnly(1000, List.of(REPO + "@sha256:" + "e".repeat(64))));
    assertThat(changed.containers().get(0).drift())
        .containsExactly("image: " + DEPLOYED + " -> " + REPO + ":abc123");
  }

  @Test
  void withoutBuildJsonTheImageDriftIsUnknownAndTheOtherFieldsStillCompare() {
    deployed(5, null);

    var report = status(container(20), null, null);

    var c = report.containers().get(0);
    assertThat(c.drift()).containsExactly("max_instances: 5 -> 20");
    assertThat(c.imageDriftUnknown()).contains("no build.json");
    assertThat(report.lines()).anyMatch(l -> l.startsWith("  image drift unknown: no build.json"));
  }

  @Test
  void nothingDeployedIsNoDrift() {
    cloudflare
        .on("GET", "/workers/scripts", ok("[{\"id\":\"other\"}]"))
        .on("GET", "/containers/me", ok("{\"account_id\":\"x\"}"))
        .on("GET", "/workers/durable_objects/namespaces", ok("[]"))
        .on("GET", "/containers/applications", ok("[]"));

    var report = status(container(20), null, null);

    assertThat(report.deployed()).isFalse();
    assertThat(report.drift()).isFalse();
    assertThat(report.lines())
        .containsExactly(
            "Worker w: not deployed",
            "Application w-web: not deployed",
            "Nothing deployed: neither Worker w nor any of its applications exists.");
  }

  @Test
  void aWorkerTheDeployWouldUploadAgainIsDrift() throws IOException {
    deployed(20, null);
    cloudflare
        .on(
            "GET",
            "/workers/services/w",
            ok("{\"id\":\"w\",\"default_environment\":{\"script\":{\"migration_tag\":\"v1\"}}}"))
        .on("GET", "/workers/scripts/w/settings", ok("{\"tags\":[\"cf-containers-hash:0000\"]}"));
    Files.writeString(bundle.resolve("worker.js"), "export class Web {}");
    var build =
        new BuildReport(
            "w",
            false,
            new BuildReport.WorkerBundleSummary(
                bundle.toString(), "worker.js", "0", List.of("Web"), null),
            prebuilt(DEPLOYED).containers());

    var report = status(container(20), build, null);

    assertThat(report.worker().drift()).isEqualTo("update (code or settings changed)");
    assertThat(report.drift()).isTrue();
    assertThat(report.containers().get(0).drift()).isEmpty();
  }
}
