// Over 300 lines: one test per deploy rule across the steps, on one fake account and engine.
package io.github.cfcontainers.deploy;

import static io.github.cfcontainers.deploy.FakeCloudflare.error;
import static io.github.cfcontainers.deploy.FakeCloudflare.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.cloudflare.ApiToken;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.CloudflareApiException;
import io.github.cfcontainers.cloudflare.CloudflareClientConfig;
import io.github.cfcontainers.cloudflare.RetryPolicy;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.RecordingReporter;
import io.github.cfcontainers.common.Reporter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployServiceTest {

  private static final String REGISTRY = "registry.cloudflare.com";
  private static final String NAME = "w-mycontainer";
  private static final String TAG = "3f2a9c01";
  private static final String DIGEST = "sha256:" + "c".repeat(64);
  private static final String NAMESPACE = "0a0b0c0d0e0f00112233445566778899";
  private static final String REGISTRY_PASSWORD = "reg-pw-1b2c3d";
  private static final String CREDENTIALS =
      "POST /containers/registries/" + REGISTRY + "/credentials";
  private static final String ECR = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

  @TempDir Path bundle;

  private FakeCloudflare cloudflare;
  private final FakeDeployEngine engine =
      FakeDeployEngine.pushing(DIGEST, () -> cloudflare.calls.size());
  private final FakeManifests manifests = new FakeManifests();
  private DeployService service;

  private static final class FakeManifests implements ManifestLookup {
    final List<String> calls = new CopyOnWriteArrayList<>();
    Optional<String> answer = Optional.empty();
    Optional<Set<String>> platforms = Optional.empty();
    final List<String> platformCalls = new CopyOnWriteArrayList<>();

    @Override
    public Optional<String> digest(
        String registry,
        String repositoryPath,
        String reference,
        ContainerEngine.RegistryAuth auth) {
      calls.add(registry + "/" + repositoryPath + ":" + reference + " as " + auth.username());
      return answer;
    }

    @Override
    public Optional<Set<String>> platforms(
        String registry,
        String repositoryPath,
        String reference,
        ContainerEngine.RegistryAuth auth) {
      platformCalls.add(registry + "/" + repositoryPath + "@" + reference);
      return platforms;
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(
        bundle.resolve("worker.js"), "export class MyContainer {}\nexport default {};\n");
    cloudflare = new FakeCloudflare();
    service = serviceOn(cloudflare, engine, manifests);
  }

  /** A silent service on the fake API, following rollouts briefly (NoOpDeployTest too). */
  static DeployService serviceOn(
      FakeCloudflare cloudflare, ContainerEngine engine, ManifestLookup manifests) {
    return serviceOn(cloudflare, engine, manifests, Reporter.SILENT);
  }

  static DeployService serviceOn(
      FakeCloudflare cloudflare,
      ContainerEngine engine,
      ManifestLookup manifests,
      Reporter reporter) {
    return new DeployService(
        cloudflare.api,
        engine,
        manifests,
        reporter,
        new RolloutWatcher(
            cloudflare.api, Reporter.SILENT, Duration.ofMillis(1), Duration.ofSeconds(2)));
  }

  @AfterEach
  void tearDown() throws IOException {
    cloudflare.close();
  }

  /** The one container most deploy tests use (NoOpDeployTest too). */
  static ApplicationSpec container() {
    return TestSpecs.application("MyContainer", NAME, "MY_CONTAINER", "unused:1", 20);
  }

  private DeploySettings settings(Long imageSize, List<String> exports, boolean withBundle) {
    return settings(bundle, "sha256:" + "1".repeat(64), imageSize, exports, withBundle);
  }

  /**
   * One built container {@code NAME:TAG} with that image id, in the Worker "w" (NoOpDeployTest).
   */
  static DeploySettings settings(
      Path bundle, String imageId, Long imageSize, List<String> exports, boolean withBundle) {
    var image =
        new BuildReport.Image(
            NAME,
            "MyContainer",
            NAME + ":" + TAG,
            imageId,
            TAG,
            imageSize,
            "linux/amd64",
            false,
            null);
    var summary =
        withBundle
            ? new BuildReport.WorkerBundleSummary(
                bundle.toString(), "worker.js", "0", exports, null)
            : null;
    return new DeploySettings(
        FakeCloudflare.ACCOUNT,
        REGISTRY,
        new WorkerSpec(
            "w", LocalDate.of(2026, 1, 15), List.of(), Map.of(), true, true, List.of(), false),
        List.of(container()),
        new BuildReport("w", false, summary, List.of(image)),
        bundle,
        false,
        bundle.resolve("out"));
  }

  private DeploySettings settings() {
    return settings(50_000_000L, List.of("MyContainer"), true);
  }

  private void accessGranted() {
    cloudflare.on("GET", "/workers/scripts", ok("[]"));
    cloudflare.on(
        "GET",
        "/containers/me",
        ok(
            "{\"account_id\":\""
                + FakeCloudflare.ACCOUNT
                + "\",\"limits\":"
                + "{\"vcpu_per_deployment\":4,\"memory_mib_per_deployment\":12288,\"disk_mb_per_deployment\":20000}}"));
  }

  /** No namespace before the Worker upload, MyContainer's after it. */
  private void namespaceCreatedByTheUpload() {
    cloudflare.on(
        "GET",
        "/workers/durable_objects/namespaces",
        ok("[]"),
        ok("[{\"id\":\"" + NAMESPACE + "\",\"script\":\"w\",\"class\":\"MyContainer\"}]"));
  }

  private void freshAccount() {
    accessGranted();
    cloudflare.on(
        "POST",
        "/containers/registries/" + REGISTRY + "/credentials",
        ok(
            "{\"account_id\":\""
                + FakeCloudflare.ACCOUNT
                + "\",\"registry_host\":\""
                + REGISTRY
                + "\",\"username\":\"v1\",\"password\":\""
                + REGISTRY_PASSWORD
                + "\"}"));
    cloudflare.on("GET", "/workers/durable_objects/namespaces", ok("[]"));
    cloudflare.on("GET", "/workers/services/w", error(404, 10090, "This Worker does not exist"));
    cloudflare.on("GET", "/containers/applications", ok("[]"));
  }

  @Test
  void forbiddenContainersApiFailsBeforeAnyWrite() {
    accessGranted();
    cloudflare.on("GET", "/containers/me", error(403, 10000, "Authentication error"));

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("cannot use the Containers API")
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining("Containers: Edit")
        .hasMessageContaining("Nothing was changed");
    assertThat(cloudflare.calls).isNotEmpty();
    assertThat(cloudflare.calls).extracting(FakeCloudflare.Call::method).containsOnly("GET");
    assertThat(engine.calls).isEmpty();
    assertThat(manifests.calls).isEmpty();
  }

  /**
   * A -Dcf.registry the account does not have: the credentials POST is refused, and the message
   * names the setting.
   */
  @Test
  void registryTheAccountHasNotGotNamesTheSettingBeforeAnyChange() {
    accessGranted();
    cloudflare.on(
        "POST",
        "/containers/registries/" + REGISTRY + "/credentials",
        containersError(
            404, "IMAGE_REGISTRY_NOT_CONFIGURED", "{\"registry_host\":\"" + REGISTRY + "\"}"));

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("no registry " + REGISTRY)
        .hasMessageContaining("IMAGE_REGISTRY_NOT_CONFIGURED")
        .satisfies(
            e ->
                assertThat(((InvalidSettingException) e).setting().toString()).contains("registry"))
        .satisfies(
            e ->
                assertThat(((InvalidSettingException) e).fix())
                    .contains("registry.cloudflare.com"));
    assertThat(cloudflare.calls)
        .extracting(c -> c.method() + " " + c.path())
        .filteredOn(c -> !c.startsWith("GET "))
        .containsExactly(CREDENTIALS);
  }

  @Test
  void unauthorisedWorkersApiFailsBeforeAnyWrite() {
    accessGranted();
    cloudflare.on("GET", "/workers/scripts", error(401, 10000, "Authentication error"));

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("cannot use the Workers API");
    assertThat(cloudflare.calls).extracting(FakeCloudflare.Call::method).containsOnly("GET");
  }

  private DeployService serviceAt(CloudflareApi api) {
    return new DeployService(
        api,
        engine,
        manifests,
        Reporter.SILENT,
        new RolloutWatcher(api, Reporter.SILENT, Duration.ofMillis(1), Duration.ofSeconds(2)));
  }

  @Test
  void unreachableApiIsNamedWithItsSettingBeforeAnything() throws IOException {
    int port;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (var api =
        new CloudflareApi(
            CloudflareClientConfig.builder(
                    FakeCloudflare.ACCOUNT, ApiToken.of(FakeCloudflare.TOKEN))
                .baseUrl("http://127.0.0.1:" + port + "/client/v4")
                .environment(n -> null)
                .retryPolicy(RetryPolicy.NONE)
                .build())) {

      assertThatThrownBy(() -> serviceAt(api).deploy(settings(), true))
          .isInstanceOf(CfException.class)
          .hasMessageStartingWith(
              "Cannot reach the Cloudflare API at http://127.0.0.1:" + port + "/client/v4/")
          .hasMessageContaining("<apiBaseUrl> / -Dcf.apiBaseUrl")
          .hasMessageContaining("Nothing was changed")
          .message()
          .doesNotContain(FakeCloudflare.TOKEN);
    }
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void baseUrlWithoutClientV4IsExplainedBeforeAnything() throws IOException {
    accessGranted();
    String root = cloudflare.api.baseUrl().replace("/client/v4/", "/");
    try (var api =
        new CloudflareApi(
            CloudflareClientConfig.builder(
                    FakeCloudflare.ACCOUNT, ApiToken.of(FakeCloudflare.TOKEN))
                .baseUrl(root)
                .environment(n -> null)
                .retryPolicy(RetryPolicy.NONE)
                .build())) {

      assertThatThrownBy(() -> serviceAt(api).deploy(settings(), true))
          .isInstanceOf(CfException.class)
          .hasMessageContaining("has no route for the Workers API (HTTP 404)")
          .hasMessageContaining("must end with /client/v4")
          .hasMessageContaining("-Dcf.apiBaseUrl");
    }
    assertThat(cloudflare.calls).extracting(FakeCloudflare.Call::method).containsOnly("GET");
  }

  @Test
  void dryRunWritesNothingButTheRegistryCredentials() {
    freshAccount();

    var report = service.deploy(settings(), false);

    assertThat(cloudflare.writeLines()).containsExactly(CREDENTIALS);
    assertThat(cloudflare.writes().get(0).json().path("permissions").toString())
        .isEqualTo("[\"push\",\"pull\"]");
    assertThat(engine.calls).noneMatch(call -> call.startsWith("push") || call.startsWith("tag"));
    assertThat(manifests.calls)
        .containsExactly(
            REGISTRY + "/" + FakeCloudflare.ACCOUNT + "/" + NAME + ":" + TAG + " as v1");
    assertThat(report.applied()).isFalse();
    assertThat(report.worker().action()).isEqualTo("upload");
    assertThat(report.containers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo("create");
              assertThat(c.imageAction()).isEqualTo("will_push");
              assertThat(c.image())
                  .isEqualTo(REGISTRY + "/" + FakeCloudflare.ACCOUNT + "/" + NAME + ":" + TAG);
            });
  }

  @Test
  void applyPushesFirstThenUploadsTheWorkerThenCreatesTheApplication() {
    freshAccount();
    cloudflare.on(
        "GET",
        "/workers/durable_objects/namespaces",
        ok("[]"),
        ok(
            "[{\"id\":\""
                + NAMESPACE
                + "\",\"name\":\"w_MyContainer\",\"script\":\"w\",\"class\":\"MyContainer\",\"use_sqlite\":true,"
                + "\"use_containers\":true}]"));
    cloudflare.on(
        "PUT",
        "/workers/scripts/w",
        ok("{\"id\":\"w\",\"deployment_id\":\"ver-1\",\"migration_tag\":\"v1\"}"));
    cloudflare.on(
        "POST", "/containers/applications", ok("{\"id\":\"app-1\",\"name\":\"" + NAME + "\"}"));
    cloudflare.on(
        "GET",
        "/workers/scripts/w/subdomain",
        ok("{\"enabled\":false,\"previews_enabled\":false}"));
    cloudflare.on(
        "POST",
        "/workers/scripts/w/subdomain",
        ok("{\"enabled\":true,\"previews_enabled\":false}"));
    cloudflare.on("GET", "/workers/subdomain", ok("{\"subdomain\":\"acme\"}"));

    var report = service.deploy(settings(), true);

    assertThat(cloudflare.writeLines())
        .containsExactly(
            CREDENTIALS,
            "PUT /workers/scripts/w",
            "POST /containers/applications",
            "POST /workers/scripts/w/subdomain");
    assertThat(cloudflare.calls)
        .as("a new Worker's route is read once, after the upload that creates it")
        .filteredOn(
            c -> c.method().equals("GET") && c.path().equals("/workers/scripts/w/subdomain"))
        .hasSize(1);
    assertThat(lastIndexOf("GET /workers/scripts/w/subdomain"))
        .isGreaterThan(lastIndexOf("PUT /workers/scripts/w"));
    assertThat(engine.calls)
        .contains(
            "push " + REGISTRY + "/" + FakeCloudflare.ACCOUNT + "/" + NAME + ":" + TAG + " as v1");
    assertThat(cloudflare.calls.subList(0, engine.apiRequestsBeforePush))
        .as("nothing but the credentials was written before the push")
        .extracting(FakeCloudflare.Call::method)
        .containsOnlyOnce("POST")
        .doesNotContain("PUT");
    var create = cloudflare.only("POST", "/containers/applications").json();
    assertThat(create.path("configuration").path("image").asText())
        .isEqualTo(REGISTRY + "/" + FakeCloudflare.ACCOUNT + "/" + NAME + "@" + DIGEST);
    assertThat(create.path("durable_objects").path("namespace_id").asText()).isEqualTo(NAMESPACE);
    assertThat(report.applied()).isTrue();
    assertThat(report.worker().versionId()).isEqualTo("ver-1");
    assertThat(report.worker().url()).isEqualTo("https://w.acme.workers.dev");
    assertThat(report.containers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.applicationId()).isEqualTo("app-1");
              assertThat(c.imageAction()).isEqualTo("pushed");
            });
    assertThat(report.toString()).doesNotContain(REGISTRY_PASSWORD);
  }

  /**
   * Worker, namespace (in the public schema's form: no use_containers) and application as a first
   * deploy left them.
   */
  private void deployedBefore(String hashTag) {
    deployedBefore(hashTag, 1, "[]");
  }

  private void deployedBefore(String hashTag, int appVersion, String rollouts) {
    freshAccount();
    manifests.answer = Optional.of(DIGEST);
    cloudflare.deployedWorker(NAMESPACE, hashTag);
    cloudflare.on(
        "GET",
        "/workers/services/w",
        ok(
            "{\"id\":\"w\",\"default_environment\":{\"script\":"
                + "{\"id\":\"w\",\"migration_tag\":\"v1\"}}}"));
    cloudflare.on("PUT", "/workers/scripts/w", ok("{\"id\":\"w\",\"deployment_id\":\"ver-2\"}"));
    String app =
        "{\"id\":\"app-1\",\"name\":\""
            + NAME
            + "\","
            + "\"version\":"
            + appVersion
            + ",\"scheduling_policy\":\"default\",\"instances\":0,\"max_instances\":20,"
            + "\"configuration\":{\"image\":\""
            + REGISTRY
            + "/"
            + FakeCloudflare.ACCOUNT
            + "/"
            + NAME
            + "@"
            + DIGEST
            + "\",\"vcpu\":0.0625,\"memory_mib\":256,\"disk\":{\"size_mb\":2000},"
            + "\"observability\":{\"logs\":{\"enabled\":true}}},\"durable_objects\":{\"namespace_id\":\""
            + NAMESPACE
            + "\"}}";
    cloudflare.on("GET", "/containers/applications", ok("[" + app + "]"));
    cloudflare.on("GET", "/containers/applications/app-1/rollouts", ok(rollouts));
    cloudflare.on(
        "GET", "/workers/scripts/w/subdomain", ok("{\"enabled\":true,\"previews_enabled\":false}"));
  }

  /** As {@link #deployedBefore(String)}, tagged with the hash of this very Worker. */
  private void deployedBeforeWithThisWorker() {
    deployedBefore("cf-containers-hash:none-yet");
    String hash =
        new WorkerPublisher(cloudflare.api)
            .plan(settings(), cloudflare.api.listDurableObjectNamespaces())
            .contentHash();
    deployedBefore("cf-containers-hash:" + hash);
  }

  @Test
  void redeployOfChangedCodeAgainstNamespacesWithoutUseContainersSendsNoMigration() {
    deployedBefore("cf-containers-hash:older");

    var report = service.deploy(settings(), true);

    var upload = cloudflare.only("PUT", "/workers/scripts/w");
    assertThat(upload.body())
        .contains("\"main_module\"")
        .doesNotContain("new_sqlite_classes")
        .doesNotContain("migrations");
    assertThat(cloudflare.writeLines()).containsExactly(CREDENTIALS, "PUT /workers/scripts/w");
    assertThat(report.applied()).isTrue();
    assertThat(report.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.action()).isEqualTo("no_change"));
    assertThat(lastIndexOf("GET /workers/scripts/w/subdomain"))
        .as("an uploaded Worker's workers.dev route is read again after the upload")
        .isGreaterThan(lastIndexOf("PUT /workers/scripts/w"));
  }

  private int lastIndexOf(String call) {
    return cloudflare.calls.stream()
        .map(c -> c.method() + " " + c.path())
        .toList()
        .lastIndexOf(call);
  }

  @Test
  void unchangedRedeployAgainstNamespacesWithoutUseContainersChangesNothing() {
    deployedBeforeWithThisWorker();

    var report = service.deploy(settings(), true);

    assertThat(cloudflare.writeLines()).containsExactly(CREDENTIALS);
    assertThat(report.worker().action()).isEqualTo("no change");
    assertThat(report.worker().url()).isEqualTo("https://w.acme.workers.dev");
  }

  @Test
  void rolloutThatFailedAfterThePatchIsStartedByTheNextDeploy() {
    deployedBefore(
        "cf-containers-hash:none-yet",
        3,
        "[{\"id\":\"r-1\",\"status\":\"completed\","
            + "\"current_version\":1,\"target_version\":2}]");
    String hash =
        new WorkerPublisher(cloudflare.api)
            .plan(settings(), cloudflare.api.listDurableObjectNamespaces())
            .contentHash();
    deployedBefore(
        "cf-containers-hash:" + hash,
        3,
        "[{\"id\":\"r-1\",\"status\":\"completed\","
            + "\"current_version\":1,\"target_version\":2}]");
    cloudflare.on(
        "POST",
        "/containers/applications/app-1/rollouts",
        ok("{\"id\":\"r-2\",\"status\":\"progressing\"}"));

    var report = service.deploy(settings(), true);

    assertThat(cloudflare.writeLines())
        .containsExactly(CREDENTIALS, "POST /containers/applications/app-1/rollouts");
    assertThat(report.containers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo("rollout");
              assertThat(c.rolloutId()).isEqualTo("r-2");
            });
  }

  // ------------------------------------------------------------------ convergence: a Worker upload
  // whose answer is lost

  private String contentHash() {
    return new WorkerPublisher(cloudflare.api).plan(settings(), List.of()).contentHash();
  }

  private static MockResponse dropped() {
    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
  }

  @Test
  void uploadWhoseAnswerIsLostButThatTookEffectLetsTheDeployContinue() {
    deployedBefore("cf-containers-hash:older");
    String hash = contentHash();
    cloudflare.on(
        "GET",
        "/workers/scripts/w/settings",
        ok("{\"tags\":[\"cf-containers-hash:older\"]}"),
        ok("{\"tags\":[\"cf-containers-hash:" + hash + "\"]}"));
    cloudflare.on("PUT", "/workers/scripts/w", dropped());

    var report = service.deploy(settings(), true);

    assertThat(cloudflare.only("PUT", "/workers/scripts/w")).isNotNull();
    assertThat(report.applied()).isTrue();
    assertThat(report.worker().action()).isEqualTo("uploaded");
    assertThat(report.worker().url()).isEqualTo("https://w.acme.workers.dev");
  }

  @Test
  void uploadWhoseAnswerIsLostAndThatDidNotTakeEffectStopsBeforeTheApplications() {
    deployedBefore("cf-containers-hash:older");
    cloudflare.on("PUT", "/workers/scripts/w", dropped());

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("did not take effect")
        .hasMessageContaining("run the deploy again");
    assertThat(cloudflare.writeLines()).containsExactly(CREDENTIALS, "PUT /workers/scripts/w");
  }

  @Test
  void migrationTagMismatchOnARetryThatAlreadyAppliedIsConfirmedByReReading() {
    freshAccount();
    manifests.answer = Optional.of(DIGEST);
    String hash = contentHash();
    cloudflare.on(
        "GET",
        "/workers/services/w",
        error(404, 10090, "This Worker does not exist"),
        ok(
            "{\"id\":\"w\",\"default_environment\":{\"script\":{\"id\":\"w\",\"migration_tag\":\"v1\"}}}"));
    cloudflare.on(
        "GET",
        "/workers/scripts/w/settings",
        ok("{\"tags\":[\"cf-containers-hash:" + hash + "\"]}"));
    cloudflare.on(
        "PUT", "/workers/scripts/w", error(412, 10079, "migration tag precondition failed"));
    namespaceCreatedByTheUpload();
    cloudflare.on(
        "POST", "/containers/applications", ok("{\"id\":\"app-1\",\"name\":\"" + NAME + "\"}"));
    cloudflare.on(
        "GET", "/workers/scripts/w/subdomain", ok("{\"enabled\":true,\"previews_enabled\":false}"));
    cloudflare.on("GET", "/workers/subdomain", ok("{\"subdomain\":\"acme\"}"));

    var report = service.deploy(settings(), true);

    assertThat(cloudflare.writeLines())
        .containsExactly(CREDENTIALS, "PUT /workers/scripts/w", "POST /containers/applications");
    assertThat(report.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.applicationId()).isEqualTo("app-1"));
  }

  @Test
  void migrationTagMismatchFromAnotherDeployIsExplainedNotRetried() {
    freshAccount();
    cloudflare.on(
        "GET",
        "/workers/services/w",
        error(404, 10090, "This Worker does not exist"),
        ok(
            "{\"id\":\"w\",\"default_environment\":{\"script\":{\"id\":\"w\",\"migration_tag\":\"v7\"}}}"));
    cloudflare.on(
        "GET",
        "/workers/scripts/w/settings",
        ok("{\"tags\":[\"cf-containers-hash:someone-else\"]}"));
    cloudflare.on(
        "PUT", "/workers/scripts/w", error(412, 10079, "migration tag precondition failed"));

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("changed since this deploy planned its migration")
        .hasMessageContaining("v7")
        .hasMessageContaining("another deploy changed the Worker meanwhile")
        .hasMessageContaining(
            "run the deploy again: it plans from the current state and converges");
    assertThat(cloudflare.writeLines()).containsExactly(CREDENTIALS, "PUT /workers/scripts/w");
  }

  @Test
  void prebuiltImagePinnedByDigestIsLookedUpByThatDigestAndNeitherPulledNorPushed() {
    freshAccount();
    String pinned = REGISTRY + "/" + FakeCloudflare.ACCOUNT + "/" + NAME + "@" + DIGEST;
    manifests.answer = Optional.of(DIGEST);

    var report = service.deploy(prebuilt(pinned), false);

    assertThat(manifests.calls)
        .containsExactly(
            REGISTRY + "/" + FakeCloudflare.ACCOUNT + "/" + NAME + ":" + DIGEST + " as v1");
    assertThat(engine.calls).isEmpty();
    assertThat(report.containers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.image()).isEqualTo(pinned);
              assertThat(c.imageAction()).isEqualTo("already_in_registry");
            });
  }

  @Test
  void imageTooBigForTheInstanceDiskIsRefusedBeforeAnyWrite() {
    freshAccount();

    assertThatThrownBy(
            () -> service.deploy(settings(2_000_000_000L, List.of("MyContainer"), true), true))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("MyContainer (w-mycontainer)")
        .hasMessageContaining("about 2200 MB")
        .hasMessageContaining("2000 MB");
    assertThat(cloudflare.calls).extracting(FakeCloudflare.Call::method).containsOnly("GET");
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void imageThatFitsTheDiskIsNotRefused() {
    freshAccount();

    var report = service.deploy(settings(1_800_000_000L, List.of("MyContainer"), true), false);

    assertThat(report.containers()).hasSize(1);
  }

  @Test
  void missingWorkerBundleInBuildJsonIsRefusedBeforeAnyRequest() {
    freshAccount();

    assertThatThrownBy(() -> service.deploy(settings(50_000_000L, List.of(), false), true))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("build.json has no Worker bundle");
    assertThat(cloudflare.calls).isEmpty();
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void containerClassNotExportedByTheBundleIsRefusedBeforeAnyRequest() {
    freshAccount();

    assertThatThrownBy(
            () ->
                service.deploy(
                    settings(50_000_000L, new ArrayList<>(List.of("Other")), true), true))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("does not export the class MyContainer");
    assertThat(cloudflare.calls).isEmpty();
  }

  // ------------------------------------------------------------------ pre-flight: the account's
  // limits and registries

  private void limits(String limitsJson) {
    cloudflare.on(
        "GET",
        "/containers/me",
        ok("{\"account_id\":\"" + FakeCloudflare.ACCOUNT + "\",\"limits\":" + limitsJson + "}"));
  }

  private void assertNothingChanged() {
    assertThat(cloudflare.writes()).isEmpty();
    assertThat(engine.calls).noneMatch(call -> call.startsWith("push") || call.startsWith("tag"));
  }

  @Test
  void instanceLargerThanTheAccountAllowsIsRefusedBeforeAnyWrite() {
    freshAccount();
    limits(
        "{\"vcpu_per_deployment\":0.05,\"memory_mib_per_deployment\":12288,\"disk_mb_per_deployment\":20000}");

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("0.0625 vCPU")
                  .contains("0.05")
                  .contains("vcpu_per_deployment");
              assertThat(e.setting().path())
                  .containsExactly("containers", "container", "instanceType");
              assertThat(e.setting().container()).contains("MyContainer (w-mycontainer)");
              assertThat(e.fix()).contains("smaller <instanceType>");
            });
    assertNothingChanged();
  }

  @Test
  void maxInstancesTimesSizeBeyondTheAccountTotalIsRefusedBeforeAnyWrite() {
    freshAccount();
    // 20 x lite = 1.25 vCPU, 5120 MiB, 40000 MB: only the memory total is exceeded.
    limits(
        "{\"vcpu_per_deployment\":4,\"total_vcpu\":2,\"total_memory_mib\":4096,\"total_disk_mb\":2000000}");

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("5120 MiB of memory")
                  .contains("MyContainer (w-mycontainer): 20 x 256")
                  .contains("4096")
                  .contains("total_memory_mib")
                  .contains("Nothing was changed");
              assertThat(e.setting().path())
                  .containsExactly("containers", "container", "maxInstances");
              assertThat(e.fix()).contains("lower <maxInstances>");
            });
    assertNothingChanged();
  }

  @Test
  void limitsTheAnswerDoesNotStateAreSkippedAndLimitsMetExactlyPass() {
    freshAccount();
    limits("{\"total_vcpu\":1.25}");

    var report = service.deploy(settings(), false);

    assertThat(report.containers()).hasSize(1);
  }

  private DeploySettings prebuilt(String reference) {
    var image =
        new BuildReport.Image(NAME, "MyContainer", reference, null, null, null, null, true, null);
    var base = settings();
    return new DeploySettings(
        base.accountId(),
        REGISTRY,
        base.worker(),
        base.containers(),
        new BuildReport("w", false, base.build().workerBundle(), List.of(image)),
        bundle,
        false,
        bundle);
  }

  @Test
  void imageFromARegistryTheAccountHasNotConfiguredIsRefusedBeforeAnyWrite() {
    freshAccount();
    cloudflare.on(
        "GET",
        "/containers/registries",
        ok(
            "[{\"domain\":\"europe-docker.pkg.dev\","
                + "\"kind\":\"GAR\",\"created_at\":\"2026-01-01T00:00:00Z\"}]"));

    assertThatThrownBy(() -> service.deploy(prebuilt(ECR + "/my-app:1.27"), true))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains(ECR + "/my-app:1.27")
                  .contains("has not configured")
                  .contains("europe-docker.pkg.dev")
                  .contains("Nothing was changed");
              assertThat(e.setting().path()).containsExactly("containers", "container", "image");
              assertThat(e.fix()).contains("wrangler containers registries configure " + ECR);
            });
    assertNothingChanged();
  }

  @Test
  void imageFromARegistryCloudflareCannotPullFromIsRefusedBeforeAnyWrite() {
    freshAccount();

    assertThatThrownBy(() -> service.deploy(prebuilt("ghcr.io/acme/my-app:1"), true))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.getMessage()).contains("ghcr.io").contains("cannot pull from");
              assertThat(e.setting().path()).containsExactly("containers", "container", "image");
            });
    assertNothingChanged();
  }

  @Test
  void publicDockerHubImageNeedsNoConfiguredRegistry() {
    freshAccount();
    cloudflare.on("GET", "/containers/registries", ok("[]"));

    var report = service.deploy(prebuilt("docker.io/library/nginx:1.27"), false);

    assertThat(report.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.imageAction()).isEqualTo("external"));
  }

  @Test
  void imageFromAConfiguredRegistryPasses() {
    freshAccount();
    cloudflare.on(
        "GET", "/containers/registries", ok("[{\"domain\":\"" + ECR + "\",\"kind\":\"ECR\"}]"));

    var report = service.deploy(prebuilt(ECR + "/my-app:1.27"), false);

    assertThat(report.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.imageAction()).isEqualTo("external"));
  }

  @Test
  void registryListOfAnUnknownShapeSkipsTheCheckWithAWarning() {
    freshAccount();
    cloudflare.on("GET", "/containers/registries", ok("{\"registries\":\"docker.io\"}"));
    var recording = RecordingReporter.warningsOnly();
    var warnings = recording.lines;
    var warned =
        new DeployService(
            cloudflare.api,
            engine,
            manifests,
            recording,
            new RolloutWatcher(
                cloudflare.api, Reporter.SILENT, Duration.ofMillis(1), Duration.ofSeconds(2)));

    var report = warned.deploy(prebuilt(ECR + "/my-app:1.27"), false);

    assertThat(report.containers()).hasSize(1);
    assertThat(warnings).anyMatch(w -> w.contains("Cannot tell which image registries"));
  }

  @Test
  void imagesInTheAccountsOwnRegistryNeedNoRegistryList() {
    freshAccount();
    manifests.answer = Optional.of(DIGEST);

    service.deploy(prebuilt(REGISTRY + "/" + FakeCloudflare.ACCOUNT + "/" + NAME + ":1"), false);

    assertThat(cloudflare.calls)
        .noneMatch(
            c ->
                c.path().startsWith("/containers/registries?")
                    || c.toString().equals("GET /containers/registries"));
  }

  // ------------------------------------------------------------------ pre-flight: the image
  // platform

  /** The deploy stops on a linux/arm64 image, naming the setting at {@code path} (and the fix). */
  private void assertRefusedAsArm64(DeploySettings settings, String fix, String... path) {
    assertThatThrownBy(() -> service.deploy(settings, true))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("built for linux/arm64")
                  .contains("only linux/amd64");
              assertThat(e.setting().path()).containsExactly(path);
              if (fix != null) {
                assertThat(e.fix()).contains(fix);
              }
            });
  }

  @Test
  void builtImageForArm64IsRefusedBeforeAnyPush() {
    freshAccount();
    engine.architecture = "arm64";

    assertRefusedAsArm64(settings(), "mvn package", "containers", "container", "build", "platform");
    assertNothingChanged();
  }

  @Test
  void engineThatDoesNotStateThePlatformSkipsTheCheck() {
    freshAccount();
    engine.architecture = null;

    var report = service.deploy(settings(), false);

    assertThat(report.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.imageAction()).isEqualTo("will_push"));
  }

  @Test
  void localPrebuiltImageForArm64IsRefusedBeforeAnyPush() {
    freshAccount();
    engine.architecture = "arm64";

    assertThatThrownBy(() -> service.deploy(prebuilt("my-app:1"), true))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.setting().path()).containsExactly("containers", "container", "image");
              assertThat(e.fix()).contains("--platform linux/amd64");
            });
    assertNothingChanged();
  }

  // ------------------------------------------------------------------ concurrent deploys: the
  // loser says so

  /**
   * A containers API error: the message is a JSON string naming the error, as the real API sends
   * it.
   */
  private static MockResponse containersError(int status, String error, String detailsJson) {
    String message =
        ("{\"error\":\"" + error + "\",\"details\":" + detailsJson + "}").replace("\"", "\\\"");
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"success\":false,\"errors\":[{\"code\":1000,\"message\":\""
                + message
                + "\"}],"
                + "\"messages\":[],\"result\":null}");
  }

  private static String application(int version) {
    return "{\"id\":\"app-1\",\"name\":\""
        + NAME
        + "\",\"version\":"
        + version
        + ",\"max_instances\":20,"
        + "\"durable_objects\":{\"namespace_id\":\""
        + NAMESPACE
        + "\"}}";
  }

  /**
   * A first deploy: the Worker uploads, and by the time the application is created another deploy
   * made it.
   */
  private void firstDeployRacing(MockResponse createAnswer) {
    freshAccount();
    namespaceCreatedByTheUpload();
    cloudflare.on(
        "PUT",
        "/workers/scripts/w",
        ok("{\"id\":\"w\",\"deployment_id\":\"ver-1\",\"migration_tag\":\"v1\"}"));
    cloudflare.on(
        "GET", "/containers/applications", ok("[]"), ok("[]"), ok("[" + application(1) + "]"));
    cloudflare.on("POST", "/containers/applications", createAnswer);
  }

  @Test
  void applicationCreatedByAnotherDeployMeanwhileIsExplained() {
    firstDeployRacing(
        containersError(
            409,
            "DURABLE_OBJECT_ALREADY_HAS_APPLICATION",
            "{\"name\":\"" + NAME + "\",\"id\":\"app-1\"}"));

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("Creating the container application " + NAME + " failed")
        .hasMessageContaining("DURABLE_OBJECT_ALREADY_HAS_APPLICATION")
        .hasMessageContaining("it exists now (app-1): another deploy created it meanwhile")
        .hasMessageContaining("run the deploy again")
        .hasMessageContaining("converges");
    assertThat(cloudflare.writeLines())
        .containsExactly(CREDENTIALS, "PUT /workers/scripts/w", "POST /containers/applications");
  }

  @Test
  void applicationNameTakenMeanwhileIsExplainedWhateverTheErrorSays() {
    firstDeployRacing(containersError(409, "APPLICATION_ALREADY_EXISTS", "{}"));

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("APPLICATION_ALREADY_EXISTS")
        .hasMessageContaining("another deploy created it meanwhile");
  }

  @Test
  void createFailureWithNoApplicationAfterwardsIsTheApiErrorAlone() {
    firstDeployRacing(containersError(400, "VALIDATE_INPUT", "{}"));
    cloudflare.on("GET", "/containers/applications", ok("[]"));

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOf(CloudflareApiException.class)
        .hasMessageContaining("VALIDATE_INPUT")
        .message()
        .doesNotContain("meanwhile");
  }

  /**
   * Deployed before with this very Worker; only the image differs, so the deploy patches the
   * application.
   */
  private void imageChangedSince() {
    deployedBeforeWithThisWorker();
    manifests.answer = Optional.of("sha256:" + "d".repeat(64));
  }

  @Test
  void patchOfAnApplicationAnotherDeployChangedMeanwhileIsExplained() {
    imageChangedSince();
    cloudflare.on(
        "PATCH", "/containers/applications/app-1", containersError(400, "VALIDATE_INPUT", "{}"));
    cloudflare.on("GET", "/containers/applications/app-1", ok(application(2)));

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("Changing the container application " + NAME + " failed")
        .hasMessageContaining("VALIDATE_INPUT")
        .hasMessageContaining("another deploy changed it meanwhile (version 1 -> 2)")
        .hasMessageContaining("converges");
    assertThat(cloudflare.writeLines())
        .containsExactly(CREDENTIALS, "PATCH /containers/applications/app-1");
  }

  @Test
  void rolloutRefusedAfterAnotherDeployPatchedAgainIsExplained() {
    imageChangedSince();
    cloudflare.on("PATCH", "/containers/applications/app-1", ok(application(2)));
    cloudflare.on(
        "POST",
        "/containers/applications/app-1/rollouts",
        containersError(400, "VALIDATE_INPUT", "{}"));
    cloudflare.on("GET", "/containers/applications/app-1", ok(application(3)));

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("another deploy changed it meanwhile (version 2 -> 3)");
  }

  @Test
  void patchFailureOfAnUnchangedApplicationIsTheApiErrorAlone() {
    imageChangedSince();
    cloudflare.on(
        "PATCH", "/containers/applications/app-1", containersError(400, "VALIDATE_INPUT", "{}"));
    cloudflare.on("GET", "/containers/applications/app-1", ok(application(1)));

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOf(CloudflareApiException.class)
        .hasMessageContaining("VALIDATE_INPUT");
  }

  @Test
  void patchOfAnApplicationAnotherDeployDeletedMeanwhileIsExplained() {
    imageChangedSince();
    cloudflare.on(
        "PATCH",
        "/containers/applications/app-1",
        containersError(404, "APPLICATION_NOT_FOUND", "{}"));
    cloudflare.on(
        "GET",
        "/containers/applications/app-1",
        containersError(404, "APPLICATION_NOT_FOUND", "{}"));

    assertThatThrownBy(() -> service.deploy(settings(), true))
        .isInstanceOf(CfException.class)
        .hasMessageContaining(
            "it no longer exists, so another deploy deleted or replaced it meanwhile");
  }

  @Test
  void prebuiltImageInTheRegistryForArm64OnlyIsRefusedBeforeAnyChange() {
    freshAccount();
    manifests.answer = Optional.of(DIGEST);
    manifests.platforms = Optional.of(Set.of("linux/arm64"));

    assertRefusedAsArm64(
        prebuilt(REGISTRY + "/" + FakeCloudflare.ACCOUNT + "/" + NAME + ":1"),
        null,
        "containers",
        "container",
        "image");
    assertThat(manifests.platformCalls)
        .containsExactly(REGISTRY + "/" + FakeCloudflare.ACCOUNT + "/" + NAME + "@" + DIGEST);
    assertThat(cloudflare.writeLines()).containsExactly(CREDENTIALS);
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void prebuiltImageInTheRegistryOfferingAmd64Passes() {
    freshAccount();
    manifests.answer = Optional.of(DIGEST);
    manifests.platforms = Optional.of(Set.of("linux/arm64", "linux/amd64"));

    var report =
        service.deploy(
            prebuilt(REGISTRY + "/" + FakeCloudflare.ACCOUNT + "/" + NAME + ":1"), false);

    assertThat(report.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.imageAction()).isEqualTo("already_in_registry"));
  }
}
