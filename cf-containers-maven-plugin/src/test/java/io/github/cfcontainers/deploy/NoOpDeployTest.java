package io.github.cfcontainers.deploy;

import static io.github.cfcontainers.deploy.FakeCloudflare.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy of an unchanged project (issue #13): once deployment.json records that the application
 * runs the image build.json names, it writes nothing, mints no registry credentials, never touches
 * the engine, and waits for at most two round trips of API latency.
 */
class NoOpDeployTest {

  private static final String REGISTRY = "registry.cloudflare.com";
  private static final String NAME = "w-mycontainer";
  private static final String TAG = "3f2a9c01";
  private static final String IMAGE_ID = FakeDeployEngine.IMAGE_ID;
  private static final String DIGEST = "sha256:" + "c".repeat(64);
  private static final String REPOSITORY = REGISTRY + "/" + FakeCloudflare.ACCOUNT + "/" + NAME;
  private static final String NAMESPACE = "0a0b0c0d0e0f00112233445566778899";

  @TempDir Path bundle;

  private FakeCloudflare cloudflare;
  private final List<String> manifestCalls = new CopyOnWriteArrayList<>();
  private final FakeDeployEngine engine = FakeDeployEngine.pushing(DIGEST, () -> -1);
  private final List<String> engineCalls = engine.calls;

  private final ManifestLookup manifests =
      (registry, path, reference, auth) -> {
        manifestCalls.add(registry + "/" + path + ":" + reference);
        return Optional.of(DIGEST);
      };

  private DeployService service;
  private final RecordingReporter reporter = RecordingReporter.infoAndWarnings();

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(
        bundle.resolve("worker.js"), "export class MyContainer {}\nexport default {};\n");
    cloudflare = new FakeCloudflare();
    service = DeployServiceTest.serviceOn(cloudflare, engine, manifests, reporter);
  }

  @AfterEach
  void tearDown() throws IOException {
    cloudflare.close();
  }

  private DeploySettings settings(String imageId) {
    return DeployServiceTest.settings(bundle, imageId, 50_000_000L, List.of("MyContainer"), true);
  }

  /** The Worker, its namespace and the application as an earlier deploy left them. */
  private void deployed(String hashTag, String runningDigest) {
    cloudflare.on("GET", "/workers/scripts", ok("[]"));
    cloudflare.on(
        "GET", "/containers/me", ok("{\"account_id\":\"" + FakeCloudflare.ACCOUNT + "\"}"));
    cloudflare.on(
        "POST",
        "/containers/registries/" + REGISTRY + "/credentials",
        ok("{\"registry_host\":\"" + REGISTRY + "\",\"username\":\"v1\",\"password\":\"pw\"}"));
    cloudflare.deployedWorker(NAMESPACE, hashTag);
    cloudflare.on(
        "GET",
        "/workers/services/w",
        ok("{\"id\":\"w\",\"default_environment\":{\"script\":{\"migration_tag\":\"v1\"}}}"));
    cloudflare.on(
        "GET",
        "/containers/applications",
        ok(
            "[{\"id\":\"app-1\",\"name\":\""
                + NAME
                + "\",\"version\":1,\"scheduling_policy\":\"default\",\"max_instances\":20,"
                + "\"configuration\":{\"image\":\""
                + REPOSITORY
                + "@"
                + runningDigest
                + "\",\"instance_type\":\"lite\",\"observability\":{\"logs\":{\"enabled\":true}}},"
                + "\"durable_objects\":{\"namespace_id\":\""
                + NAMESPACE
                + "\"}}]"));
    cloudflare.on("GET", "/containers/applications/app-1/rollouts", ok("[]"));
    cloudflare.on("GET", "/workers/scripts/w/subdomain", ok("{\"enabled\":true}"));
  }

  /** An unchanged deployment whose registry check ran (no record yet): deployment.json written. */
  private void deployedAndRecorded() {
    deployed("cf-containers-hash:none-yet", DIGEST);
    String hash =
        new WorkerPublisher(cloudflare.api)
            .plan(settings(IMAGE_ID), cloudflare.api.listDurableObjectNamespaces())
            .contentHash();
    deployed("cf-containers-hash:" + hash, DIGEST);
    var first = service.deploy(settings(IMAGE_ID), true);
    assertThat(manifestCalls).as("the first deploy checks the registry").hasSize(1);
    assertThat(first.containers().get(0).built())
        .isEqualTo(new DeploymentReport.Built(REPOSITORY + ":" + TAG, IMAGE_ID));
    first.write(bundle.resolve("out"));
    cloudflare.clearRecords();
    manifestCalls.clear();
    engineCalls.clear();
    reporter.lines.clear();
  }

  @Test
  void unchangedDeployWritesNothingMintsNothingAndLeavesTheEngineAlone() {
    deployedAndRecorded();
    cloudflare.latency = Duration.ofMillis(250);

    var report = service.deploy(settings(IMAGE_ID), true);

    assertThat(cloudflare.writes()).isEmpty();
    assertThat(cloudflare.calls).noneMatch(c -> c.path().contains("/credentials"));
    assertThat(engineCalls).isEmpty();
    assertThat(manifestCalls).isEmpty();
    assertThat(report.worker().action()).isEqualTo("no change");
    assertThat(report.worker().url()).isEqualTo("https://w.acme.workers.dev");
    assertThat(report.containers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo("no_change");
              assertThat(c.imageAction()).isEqualTo("already_in_registry");
              assertThat(c.image()).isEqualTo(REPOSITORY + "@" + DIGEST);
            });
    // Sequentially these were 9 round trips; in parallel: access + state with the account's
    // workers.dev subdomain, then the Worker's settings with the rollouts and its workers.dev
    // route.
    assertThat(cloudflare.calls).hasSize(9);
    assertThat(cloudflare.rounds()).isEqualTo(2);
    // it says that the registry was not read, not that the image is there
    assertThat(reporter.lines)
        .contains(
            "Image of MyContainer (w-mycontainer): already deployed as "
                + REPOSITORY
                + "@"
                + DIGEST
                + " (deployment.json records this build's image; the registry is not read)")
        .noneMatch(line -> line.contains("already in the registry"));
  }

  @Test
  void anotherBuiltImageIsCheckedInTheRegistryWithCredentialsAndTheEngine() {
    deployedAndRecorded();

    service.deploy(settings("sha256:" + "2".repeat(64)), false);

    assertThat(cloudflare.calls).anyMatch(c -> c.path().contains("/credentials"));
    assertThat(manifestCalls).containsExactly(REPOSITORY + ":" + TAG);
    assertThat(engineCalls).contains("ping", "inspect " + NAME + ":" + TAG);
  }

  @Test
  void applicationRunningAnotherImageThanRecordedIsCheckedInTheRegistry() {
    deployedAndRecorded();
    String other = "sha256:" + "d".repeat(64);
    deployed("cf-containers-hash:whatever", other);

    var report = service.deploy(settings(IMAGE_ID), false);

    assertThat(manifestCalls).containsExactly(REPOSITORY + ":" + TAG);
    assertThat(engineCalls).contains("ping");
    assertThat(report.containers().get(0).changes())
        .containsExactly("image: " + REPOSITORY + "@" + other + " -> " + REPOSITORY + "@" + DIGEST);
  }

  /** Reads sent together fail as a sequential run would: the first in plan order is reported. */
  @Test
  void readsFailingTogetherReportTheOneASequentialRunMeetsFirst() {
    deployed("cf-containers-hash:whatever", DIGEST);
    cloudflare.on("GET", "/workers/scripts", FakeCloudflare.error(401, 10000, "Auth error"));
    cloudflare.on("GET", "/containers/me", FakeCloudflare.error(403, 10000, "Auth error"));

    assertThatThrownBy(() -> service.deploy(settings(IMAGE_ID), true))
        .hasMessageContaining("cannot use the Workers API");

    deployed("cf-containers-hash:whatever", DIGEST);
    cloudflare.latency = Duration.ofMillis(100);
    cloudflare.on(
        "GET", "/workers/durable_objects/namespaces", FakeCloudflare.error(500, 10013, "ns down"));
    cloudflare.on("GET", "/containers/applications", FakeCloudflare.error(500, 10013, "apps down"));

    assertThatThrownBy(() -> service.deploy(settings(IMAGE_ID), true))
        .hasMessageContaining("ns down")
        .message()
        .doesNotContain("apps down");
    assertThat(cloudflare.writes())
        .extracting(FakeCloudflare.Call::toString)
        .containsExactly("POST /containers/registries/" + REGISTRY + "/credentials");
  }
}
