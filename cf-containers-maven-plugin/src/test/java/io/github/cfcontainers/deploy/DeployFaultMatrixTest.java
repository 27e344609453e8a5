// Over 300 lines: the matrix itself: every remote step failed in turn, each with its convergence
// check.
package io.github.cfcontainers.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.cloudflare.ApiToken;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.CloudflareClientConfig;
import io.github.cfcontainers.cloudflare.RetryPolicy;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.docker.DockerJavaEngine;
import io.github.cfcontainers.registry.RegistryManifests;
import io.github.cfcontainers.registry.RegistryTls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every remote step of a deploy x every fault, with the real DeployService, the real emulator, the
 * real TLS registry and the real Docker engine. Each cell: the faulted deploy succeeds, or fails
 * naming the step; a clean rerun converges (one Worker, one application with the wanted image and
 * configuration, its namespace, no duplicate, no orphan); a third run writes nothing. The registry
 * push is not faulted here: it goes to the real registry, which has no fault switch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployFaultMatrixTest {

  /** The registry is shared and outlives the emulator: names are per run. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private static final String WORKER = "fm-" + RUN;
  private static final String APP = WORKER + "-web";
  private static final String TAG = "c" + RUN;
  private static final String LOCAL_IMAGE = "cf-fault-matrix-" + RUN + ":" + TAG;

  /** Short, so the late-answer cells stay cheap; the late answer comes well after it. */
  private static final Duration READ_TIMEOUT = Duration.ofMillis(1500);

  private static final long LATE_MILLIS = 2500;
  private static final int WANTED_INSTANCES = 3;

  private static final String WORKER_JS =
      """
      import { DurableObject } from "cloudflare:workers";
      export class MyContainer extends DurableObject { async fetch(req) { return new Response("hi"); } }
      export default { async fetch(request, env) { return new Response("worker"); } };
      """;

  /** Each distinct API call of a deploy. */
  enum Step {
    ACCESS_WORKERS(
        "GET", "/workers/scripts$", "GET /accounts/\\w+/workers/scripts\\b(?!/)", true, false),
    ACCESS_CONTAINERS("GET", "/containers/me$", "GET /accounts/\\w+/containers/me", true, false),
    REGISTRY_CREDENTIALS(
        "POST", "/containers/registries/[^/]+/credentials$", "POST .*/credentials", true, false),
    APPLICATIONS_LIST(
        "GET",
        "/containers/applications$",
        "GET /accounts/\\w+/containers/applications",
        true,
        false),
    NAMESPACES_LIST(
        "GET",
        "/workers/durable_objects/namespaces",
        "GET .*/durable_objects/namespaces",
        true,
        false),
    WORKER_UPLOAD(
        "PUT",
        "/workers/scripts/[^/]+$",
        "PUT /accounts/\\w+/workers/scripts/" + WORKER,
        true,
        false),
    APPLICATION_CREATE(
        "POST",
        "/containers/applications$",
        "POST /accounts/\\w+/containers/applications",
        false,
        false),
    APPLICATION_PATCH(
        "PATCH",
        "/containers/applications/[^/]+$",
        "PATCH /accounts/\\w+/containers/applications/",
        true,
        true),
    ROLLOUT_CREATE(
        "POST", "/containers/applications/[^/]+/rollouts$", "POST .*/rollouts", false, true),
    /** Following the rollout (-Dcf.wait): the last call of an update, after every write. */
    ROLLOUT_STATUS("GET", "/rollouts/[^/]+$", "GET .*/rollouts/[^/]+ ", true, true),
    SUBDOMAIN_ENABLE(
        "POST",
        "/workers/scripts/[^/]+/subdomain$",
        "POST .*/scripts/" + WORKER + "/subdomain",
        true,
        false);

    final String method;
    final String path;
    final String named;

    /** The client may repeat it (GET, PUT, PATCH, @Idempotent POST). */
    final boolean retried;

    /** Only an update reaches it: an earlier deploy must have created the application. */
    final boolean needsApplication;

    Step(String method, String path, String named, boolean retried, boolean needsApplication) {
      this.method = method;
      this.path = path;
      this.named = named;
      this.retried = retried;
      this.needsApplication = needsApplication;
    }
  }

  enum Fault {
    RATE_LIMITED("\"status\":429,\"retryAfter\":\"1\"", 1),
    ERROR_500_ONCE("\"status\":500", 1),
    ERROR_500_ALWAYS("\"status\":500", 50),
    DROPPED_BEFORE_ACTING("\"drop\":true,\"when\":\"before\"", 1),
    DROPPED_AFTER_ACTING("\"drop\":true,\"when\":\"after\"", 1),
    ANSWER_TOO_LATE("\"delayMillis\":" + LATE_MILLIS + ",\"when\":\"after\"", 1);

    final String spec;
    final int times;

    Fault(String spec, int times) {
      this.spec = spec;
      this.times = times;
    }

    /**
     * What the retry rules promise: 429 is always retried, the rest only for calls that may repeat.
     */
    boolean fails(Step step) {
      return switch (this) {
        case RATE_LIMITED -> false;
        case ERROR_500_ALWAYS -> true;
        default -> !step.retried;
      };
    }
  }

  @TempDir Path bundle;

  private FaultMatrixGround ground;
  private DockerJavaEngine engine;
  private RegistryManifests manifests;
  private String registry;
  private String imageId;
  private final Map<String, String> table = new ConcurrentSkipListMap<>();

  @BeforeAll
  void start() throws IOException {
    registry = FaultMatrixGround.env("CF_TEST_REGISTRY");
    ground = new FaultMatrixGround();
    engine = new DockerJavaEngine();
    // A "built" image: busybox under a per-run local name, pushed by the first deploy and found
    // in the registry (content tag) by every later one.
    var busybox = engine.inspect(FaultMatrixGround.env("CF_TEST_BUSYBOX_IMAGE")).orElseThrow();
    imageId = busybox.id();
    engine.tag(imageId, LOCAL_IMAGE.substring(0, LOCAL_IMAGE.indexOf(':')), TAG);
    manifests =
        new RegistryManifests(
            new RegistryTls(Path.of(FaultMatrixGround.env("CF_TEST_REGISTRY_CA")), Set.of()));
  }

  @AfterAll
  void stop() throws IOException {
    writeTable();
    try {
      for (String ref :
          List.of(LOCAL_IMAGE, registry + "/" + ground.cf.accountId() + "/" + APP + ":" + TAG)) {
        try {
          engine.client().removeImageCmd(ref).withForce(false).withNoPrune(true).exec();
        } catch (RuntimeException absent) {
          // never pushed under that name in this run
        }
      }
    } finally {
      engine.close();
      ground.close();
    }
  }

  /** {@code -Dfm.only=STEP,STEP} runs those rows only (while working on them). */
  static Stream<Arguments> cells() {
    var cells = new ArrayList<Arguments>();
    String only = System.getProperty("fm.only", "");
    for (Step step : Step.values()) {
      if (!only.isEmpty() && !List.of(only.split(",")).contains(step.name())) {
        continue;
      }
      for (Fault fault : Fault.values()) {
        cells.add(Arguments.of(step, fault));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("cells")
  void faultThenConverge(Step step, Fault fault) throws Exception {
    String cell = step + " x " + fault;
    ground.reset();
    Files.writeString(bundle.resolve("worker.js"), WORKER_JS);
    if (step.needsApplication) {
      deploy(1); // the faulted run then changes max_instances: a PATCH and a rollout
    }
    ground.fault(
        "{\"method\":\""
            + step.method
            + "\",\"path\":\""
            + step.path.replace("\\", "\\\\")
            + "\",\"times\":"
            + fault.times
            + ","
            + fault.spec
            + "}");
    ground.clearRequests();
    Throwable failure = null;
    DeploymentReport faulted = null;
    long started = System.nanoTime();
    try {
      faulted = deploy(WANTED_INSTANCES);
    } catch (RuntimeException e) {
      failure = e;
    }
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    ground.awaitQuiet(100);
    var left = ground.state().path("faults");
    assertThat(left.size() == 0 || left.path(0).path("remaining").asInt() < fault.times)
        .as(cell + ": the deploy reached the step, so the fault fired")
        .isTrue();
    long attempts = ground.count(step.method, step.path);
    String outcome;
    if (fault.fails(step)) {
      // The deploy stops at the step's first call: once when not retried, else every attempt.
      assertThat(attempts).as(cell + ": attempts at the step").isEqualTo(step.retried ? 4 : 1);
      assertThat(failure).as(cell + ": the faulted deploy fails").isNotNull();
      assertThat(failure.getMessage())
          .as(cell + ": the failure names the step")
          .containsPattern(step.named);
      outcome = "fails (" + why(failure.getMessage()) + ")";
    } else {
      assertThat(failure).as(cell + ": the faulted deploy succeeds").isNull();
      assertThat(attempts).as(cell + ": the faulted call was sent again").isGreaterThanOrEqualTo(2);
      if (fault == Fault.RATE_LIMITED) {
        assertThat(tookMillis)
            .as(cell + ": waited the 1 s Retry-After")
            .isGreaterThanOrEqualTo(1000);
      }
      // A success must already be the wanted state: a retry that acted twice shows here.
      assertConverged(cell + " (faulted run)", faulted, step.needsApplication);
      outcome = fault == Fault.RATE_LIMITED ? "succeeds (waits Retry-After)" : "succeeds (retried)";
    }

    ground.clearFaults();
    var report = deploy(WANTED_INSTANCES);
    assertConverged(cell, report, step.needsApplication);

    ground.clearRequests();
    deploy(WANTED_INSTANCES);
    assertThat(ground.writes()).as(cell + ": a third, unchanged run writes nothing").isEmpty();
    table.put(step.ordinal() + "|" + fault.ordinal(), outcome + "; rerun converges");
  }

  private void assertConverged(String cell, DeploymentReport report, boolean update) {
    JsonNode state = ground.state();
    assertThat(state.path("scripts").size()).as(cell + ": one Worker").isEqualTo(1);
    assertThat(state.path("scripts").path(0).path("name").asText())
        .as(cell + ": Worker name")
        .isEqualTo(WORKER);
    var namespaces = new ArrayList<JsonNode>();
    state.path("namespaces").forEach(namespaces::add);
    assertThat(namespaces).as(cell + ": one namespace, the container class's").hasSize(1);
    JsonNode ns = namespaces.get(0);
    assertThat(ns.path("class").asText()).as(cell + ": namespace class").isEqualTo("MyContainer");
    assertThat(ns.path("use_containers").asBoolean()).as(cell + ": container-enabled").isTrue();
    assertThat(state.path("applications").size())
        .as(cell + ": one application, no duplicate")
        .isEqualTo(1);
    JsonNode app = state.path("applications").path(0);
    String wantedImage = registry + "/" + ground.cf.accountId() + "/" + APP + "@";
    assertThat(app.path("name").asText()).as(cell + ": application name").isEqualTo(APP);
    assertThat(app.path("configuration").path("image").asText())
        .as(cell + ": image")
        .startsWith(wantedImage)
        .isEqualTo(report.containers().get(0).image());
    assertThat(app.path("max_instances").asInt())
        .as(cell + ": max_instances")
        .isEqualTo(WANTED_INSTANCES);
    assertThat(app.path("durable_objects").path("namespace_id").asText())
        .as(cell + ": bound, not orphaned")
        .isEqualTo(ns.path("id").asText());
    var completed = new ArrayList<JsonNode>();
    for (JsonNode r : app.path("rollouts")) {
      assertThat(r.path("status").asText())
          .as(cell + ": no rollout left behind")
          .isEqualTo("completed");
      completed.add(r);
    }
    // An update is applied by exactly one rollout: none missing, none repeated.
    assertThat(completed).as(cell + ": rollouts").hasSize(update ? 1 : 0);
    if (update) {
      assertThat(completed.get(0).path("target_configuration").path("image").asText())
          .as(cell + ": rollout image")
          .isEqualTo(app.path("configuration").path("image").asText());
    }
    assertThat(state.path("scripts").path(0).path("workersDevEnabled").asBoolean())
        .as(cell + ": workers.dev on")
        .isTrue();
  }

  private static String why(String message) {
    if (message.contains("Not retried")) {
      return "not retried: may have acted";
    }
    if (message.contains("Gave up after")) {
      return "gave up after 4 attempts";
    }
    return message.length() > 60 ? message.substring(0, 60) + "…" : message;
  }

  private DeploymentReport deploy(int maxInstances) {
    var config =
        CloudflareClientConfig.builder(ground.cf.accountId(), ApiToken.of(FaultMatrixGround.TOKEN))
            .baseUrl(ground.cf.apiBaseUrl().toString())
            .environment(name -> null)
            .retryPolicy(
                new RetryPolicy(
                    4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5)))
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(READ_TIMEOUT)
            .build();
    try (var api = new CloudflareApi(config)) {
      var watcher =
          new RolloutWatcher(api, Reporter.SILENT, Duration.ofMillis(20), Duration.ofSeconds(10));
      return new DeployService(api, engine, manifests, Reporter.SILENT, watcher)
          .deploy(settings(maxInstances), true);
    }
  }

  private DeploySettings settings(int maxInstances) {
    var container =
        TestSpecs.application("MyContainer", APP, "MY_CONTAINER", "unused:1", maxInstances);
    var image =
        new BuildReport.Image(
            APP, "MyContainer", LOCAL_IMAGE, imageId, TAG, null, "linux/amd64", false, null);
    var summary =
        new BuildReport.WorkerBundleSummary(
            bundle.toString(), "worker.js", "0", List.of("MyContainer"), null);
    return new DeploySettings(
        ground.cf.accountId(),
        registry,
        new WorkerSpec(
            WORKER, LocalDate.of(2026, 1, 15), List.of(), Map.of(), true, true, List.of(), false),
        List.of(container),
        new BuildReport(WORKER, false, summary, List.of(image)),
        bundle,
        true,
        bundle.resolve("out"));
  }

  /** The matrix as markdown in target/, for the README. */
  private void writeTable() throws IOException {
    var sb = new StringBuilder("| step \\ fault |");
    for (Fault f : Fault.values()) {
      sb.append(' ').append(f.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" |");
    }
    sb.append("\n|---|").append("---|".repeat(Fault.values().length)).append('\n');
    for (Step s : Step.values()) {
      sb.append("| ")
          .append(s.method)
          .append(' ')
          .append(s.name().toLowerCase(Locale.ROOT))
          .append(" |");
      for (Fault f : Fault.values()) {
        sb.append(' ')
            .append(table.getOrDefault(s.ordinal() + "|" + f.ordinal(), "NOT PASSED"))
            .append(" |");
      }
      sb.append('\n');
    }
    Path out = Path.of("target", "fault-matrix.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, sb.toString());
  }
}
