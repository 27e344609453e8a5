package io.github.cfcontainers.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.build.EngineUnavailableException;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.RecordingReporter;
import io.github.cfcontainers.deploy.WorkerSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServiceTest {

  @TempDir Path dir;
  private final FakeEngine engine = new FakeEngine();
  private final FakeRuntime runtime = new FakeRuntime();
  private final RecordingReporter reporter = RecordingReporter.markingWarnings();
  private final List<String> log = reporter.lines;
  private int builds;

  private DevRequest request(int port, boolean offline) {
    var worker =
        new WorkerSpec(
            "orders", LocalDate.of(2026, 4, 1), List.of(), Map.of(), true, true, List.of(), false);
    return new DevRequest(
        dir.resolve("worker"),
        worker,
        List.of(new DevRequest.ClassBinding("Api", "API")),
        port,
        dir.resolve("run"),
        offline,
        Duration.ofSeconds(5));
  }

  private final DevBuild build =
      () -> {
        builds++;
        return new DevBuild.Result(
            dir.resolve("worker.js"), Map.of("Api", "cloudflare-dev/orders-api:1"));
      };

  private DevService service() {
    return new DevService(engine, runtime, reporter, Duration.ofMillis(20));
  }

  private static int freePort() throws IOException {
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void servesThePlanThenRemovesOnlyThisWorkersContainers() throws Exception {
    engine.add("c-foreign", "some-other-app", "nginx");
    engine.add("c-left", "workerd-orders-Api-0000", "cloudflare-dev/orders-api:0");
    runtime.onStart =
        () -> {
          assertThat(engine.ids()).as("leftovers go before the start").doesNotContain("c-left");
          engine.add("c-app", "workerd-orders-Api-abcd", "cloudflare-dev/orders-api:1");
          engine.add("c-proxy", "workerd-orders-Api-abcd-proxy", "cf-test/proxy-everything:1");
        };
    runtime.exitAfter = Duration.ofMillis(300);

    service().run(request(freePort(), false), build);

    assertThat(runtime.plan.options().get("durableObjects").toString())
        .contains("cloudflare-dev/orders-api:1");
    assertThat(engine.ids()).containsExactly("c-foreign");
    assertThat(engine.followed).containsExactly("c-app");
    assertThat(runtime.stopped).isTrue();
    assertThat(log).anyMatch(l -> l.startsWith("The Worker orders is ready at http://127.0.0.1:"));
    assertThat(log).anyMatch(l -> l.startsWith("[Api abcd] app line"));
  }

  @Test
  void aRuntimeThatFailsStillHasItsContainersRemoved() throws Exception {
    runtime.onStart =
        () -> engine.add("c-app", "workerd-orders-Api-abcd", "cloudflare-dev/orders-api:1");
    runtime.failReady = true;

    assertThatThrownBy(() -> service().run(request(freePort(), false), build))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("stopped before it served");
    assertThat(engine.ids()).isEmpty();
    assertThat(runtime.stopped).isTrue();
  }

  @Test
  void aPortInUseNamesTheSettingBeforeAnythingIsBuilt() throws Exception {
    try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> service().run(request(taken.getLocalPort(), false), build))
          .isInstanceOf(InvalidSettingException.class)
          .hasMessageContaining("in use")
          .satisfies(
              e ->
                  assertThat(((InvalidSettingException) e).setting().property())
                      .contains("cf.dev.port"));
    }
    assertThat(builds).isZero();
    assertThat(runtime.plan).isNull();
  }

  @Test
  void anEngineWithoutTheBridgeNetworkIsRefusedBeforeTheBuild() throws Exception {
    engine.bridge = false;

    assertThatThrownBy(() -> service().run(request(freePort(), false), build))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("no network named `bridge`");
    assertThat(builds).isZero();
  }

  @Test
  void theEgressImageIsPulledWhenMissingAndRefusedOffline() throws Exception {
    runtime.egressImage = "cloudflare/proxy-everything:x";
    assertThatThrownBy(() -> service().run(request(freePort(), true), build))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("offline")
        .hasMessageContaining("docker pull");
    assertThat(builds).isZero();

    runtime.exitAfter = Duration.ZERO;
    service().run(request(freePort(), false), build);
    assertThat(engine.pulled).containsExactly("cloudflare/proxy-everything:x");
  }

  @Test
  void aPrebuiltImageTheEngineLacksIsPulledBeforeTheStart() throws Exception {
    engine.present.clear();
    runtime.exitAfter = Duration.ZERO;

    service().run(request(freePort(), false), build);

    assertThat(engine.pulled).containsExactly("cloudflare-dev/orders-api:1");
    assertThat(runtime.plan).isNotNull();
  }

  @Test
  void aNonZeroExitThatNobodyAskedForIsAFailure() throws Exception {
    runtime.exitCode = 7;
    runtime.exitAfter = Duration.ZERO;

    assertThatThrownBy(() -> service().run(request(freePort(), false), build))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("exit code 7");
  }

  /** The engine as a list of containers. */
  private static final class FakeEngine implements DevEngine {
    final List<EngineContainer> containers = new CopyOnWriteArrayList<>();
    final List<String> followed = new CopyOnWriteArrayList<>();
    final List<String> pulled = new ArrayList<>();
    boolean bridge = true;

    void add(String id, String name, String image) {
      containers.add(new EngineContainer(id, name, image, "running"));
    }

    List<String> ids() {
      return containers.stream().map(EngineContainer::id).toList();
    }

    @Override
    public String ping() {
      return "fake engine";
    }

    @Override
    public String dockerHost() {
      return "unix:///fake.sock";
    }

    @Override
    public boolean hasNetwork(String name) {
      return bridge && name.equals("bridge");
    }

    final List<String> present = new ArrayList<>(List.of("cloudflare-dev/orders-api:1"));

    @Override
    public boolean hasImage(String reference) {
      return present.contains(reference) || pulled.contains(reference);
    }

    @Override
    public void pull(String reference, Consumer<String> progress) {
      pulled.add(reference);
    }

    @Override
    public List<EngineContainer> containers() {
      return List.copyOf(containers);
    }

    @Override
    public void remove(String id) {
      containers.removeIf(c -> c.id().equals(id));
    }

    @Override
    public AutoCloseable followLogs(String id, Consumer<String> line) {
      followed.add(id);
      line.accept("app line");
      return () -> {};
    }
  }

  /** A runtime that serves at once and ends after a while, or fails. */
  private static final class FakeRuntime implements DevRuntime {
    DevPlan plan;
    Runnable onStart = () -> {};
    Duration exitAfter = Duration.ofMillis(100);
    int exitCode;
    boolean failReady;
    volatile boolean stopped;
    String egressImage;

    @Override
    public Probe probe(Path workerProject, Path runDirectory) {
      return new Probe("4.20260426.0", egressImage);
    }

    @Override
    public Running start(
        DevPlan plan, Path runDirectory, Consumer<String> output, Consumer<String> warnings) {
      this.plan = plan;
      onStart.run();
      return new Running() {
        @Override
        public void awaitReady(Duration timeout) {
          if (failReady) {
            throw new CfException(
                "The local Workers runtime stopped before it served (exit code 1)");
          }
        }

        @Override
        public int awaitExit() throws InterruptedException {
          Thread.sleep(exitAfter.toMillis());
          return exitCode;
        }

        @Override
        public void stop(Duration grace) {
          stopped = true;
        }
      };
    }
  }
}
