package io.github.cfcontainers.dev;

import io.github.cfcontainers.build.EngineUnavailableException;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.Setting;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;

/**
 * {@code cf:dev}: checks the engine, the runtime and the port, builds, then serves the Worker on
 * 127.0.0.1 until the runtime ends or the JVM is asked to stop (Ctrl-C), and removes the containers
 * it started either way.
 */
public final class DevService {

  /** workerd asks the engine for this network at every container start. */
  static final String BRIDGE = "bridge";

  private final DevEngine engine;
  private final DevRuntime runtime;
  private final Reporter reporter;
  private final Duration pollEvery;

  public DevService(DevEngine engine, DevRuntime runtime, Reporter reporter) {
    this(engine, runtime, reporter, Duration.ofMillis(500));
  }

  DevService(DevEngine engine, DevRuntime runtime, Reporter reporter, Duration pollEvery) {
    this.engine = engine;
    this.runtime = runtime;
    this.reporter = reporter;
    this.pollEvery = pollEvery;
  }

  /** Runs until the runtime ends; returns normally after Ctrl-C. */
  public void run(DevRequest request, DevBuild build) throws InterruptedException {
    checkPort(request.port());
    reporter.info("Using " + engine.ping());
    if (!engine.hasNetwork(BRIDGE)) {
      throw new EngineUnavailableException(
          "The Docker engine has no network named `bridge`: the local Workers "
              + "runtime starts every container on it (is dockerd running with --bridge=none?).\n  Fix: run the "
              + "engine with its default bridge network (or --bridge=<your bridge>).",
          null);
    }
    var probe = runtime.probe(request.workerProject(), request.runDirectory());
    reporter.info("Local Workers runtime: miniflare " + probe.version());
    ensureEgressImage(probe.egressImage(), request.offline());

    var built = build.build();
    var containers = new ArrayList<DevContainer>();
    for (var c : request.classes()) {
      String image = built.imagesByClass().get(c.className());
      if (image == null) {
        throw new CfException("The build produced no image for " + c.className() + ".");
      }
      // A prebuilt <image> is used as it is: the runtime starts only what the engine holds.
      ensureImage(image, request.offline(), "the image of " + c.className());
      containers.add(new DevContainer(c.className(), c.binding(), image));
    }
    var plan =
        DevPlanner.plan(
            new DevSettings(
                request.workerProject(),
                built.bundle(),
                request.worker(),
                containers,
                request.port(),
                engine.dockerHost(),
                request.runDirectory()));
    var leftovers = DevSession.removeContainers(engine, plan, reporter);
    if (!leftovers.isEmpty()) {
      reporter.info("Removed containers an earlier run left: " + leftovers);
    }
    serve(plan, request);
  }

  private void serve(DevPlan plan, DevRequest request) throws InterruptedException {
    long started = System.nanoTime();
    var running =
        runtime.start(
            plan,
            request.runDirectory(),
            line -> reporter.info("[worker] " + line),
            reporter::warn);
    var session = new DevSession(plan, engine, running, reporter, pollEvery);
    Thread hook = new Thread(session::close, "cf-dev-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      running.awaitReady(request.readyTimeout());
      reporter.info(
          String.format(
              Locale.ROOT,
              "The Worker %s is ready at %s (%.1f s); containers: %s."
                  + " Ctrl-C stops it and removes its containers.",
              request.worker().name(),
              plan.url(),
              (System.nanoTime() - started) / 1e9,
              plan.images()));
      session.startWatching();
      int exit = running.awaitExit();
      reporter.debug("The local Workers runtime exited with " + exit);
      if (exit != 0 && !session.isClosed()) {
        throw new CfException("The local Workers runtime stopped with exit code " + exit + ".");
      }
    } finally {
      session.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or ran: it closed the session
      }
    }
  }

  private void ensureEgressImage(String image, boolean offline) {
    if (image != null) {
      ensureImage(
          image,
          offline,
          "the runtime's egress sidecar image (or name a local one in "
              + "MINIFLARE_CONTAINER_EGRESS_IMAGE)");
    }
  }

  /** Miniflare neither builds nor pulls: what it starts must be in the engine first. */
  private void ensureImage(String image, boolean offline, String what) {
    if (engine.hasImage(image)) {
      return;
    }
    if (offline) {
      throw new CfException(
          "The engine lacks "
              + image
              + ", "
              + what
              + ", and Maven is offline (-o).\n  Fix: run"
              + " once without -o (cf:dev pulls it), or `docker pull "
              + image
              + "` yourself.");
    }
    reporter.info("Pulling " + image + ", " + what);
    engine.pull(image, reporter::debug);
  }

  static void checkPort(int port) {
    DevPlanner.requireValidPort(port);
    try (var socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new InvalidSettingException(
          Setting.of("devPort").withProperty(PropertyNames.DEV_PORT),
          "The local port 127.0.0.1:" + port + " is in use (" + e.getMessage() + ").",
          "stop what listens there, or pick another port, e.g. -D"
              + PropertyNames.DEV_PORT
              + "="
              + (port == 65535 ? 8788 : port + 1));
    }
  }
}
