package io.github.cfcontainers.emulator.workers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.state.EmulatorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local Workers runtime behind the workers.dev stand-in: per script, one Node child process
 * (resource worker-runtime.mjs) that runs the uploaded Worker in Miniflare, whose container classes
 * get their applications' images. A request then goes Worker -> Durable Object -> container as in
 * production. Started on the first request, restarted when the deployed version or an image
 * changes, stopped (with every container it started) on reset and close. When Node, Miniflare or
 * the engine's `bridge` network is missing, {@link #reason()} says why and the stand-in forwards
 * straight to the container instead (announced).
 */
public final class WorkerRuntime implements AutoCloseable {
  static final String LAUNCHER = "worker-runtime.mjs";

  private final EmulatorConfig config;
  private final String emulatorId;
  private final String reason;
  private final Path node;
  private final Map<String, WorkerProcess> processes = new LinkedHashMap<>();
  private final Map<String, Object> locks = new LinkedHashMap<>();
  private final LocalImages images;
  private Path home;

  public WorkerRuntime(EmulatorConfig config, String emulatorId) {
    this.config = config;
    this.emulatorId = emulatorId;
    this.images = config.runContainers() ? new LocalImages(config) : null;
    Path foundNode = which("node");
    this.node = foundNode;
    this.reason = unavailable(config, foundNode, images);
  }

  /** True when requests run through the Worker; else {@link #reason()} names what is missing. */
  public boolean active() {
    return reason == null;
  }

  public String reason() {
    return reason;
  }

  private static String unavailable(EmulatorConfig config, Path node, LocalImages images) {
    if (!config.runContainers()) return "this emulator does not run containers";
    Path dir = config.workerRuntime();
    if (dir == null)
      return "no worker runtime given (--worker-runtime DIR / CF_EMULATOR_WORKER_RUNTIME)";
    if (!Files.isRegularFile(dir.resolve("node_modules/miniflare/package.json"))) {
      return "no Miniflare in " + dir + "/node_modules (npm install wrangler@4.86.0 there)";
    }
    if (node == null) return "node is not on PATH";
    try {
      // workerd asks the engine for the network named `bridge` on every container start
      // (local-dev.md, trap 2); without it no container can start through the runtime.
      images.docker().inspectNetworkCmd().withNetworkId("bridge").exec();
    } catch (NotFoundException e) {
      return "the Docker engine has no network named bridge (workerd needs it)";
    } catch (RuntimeException e) {
      return "the Docker engine does not answer: " + e.getMessage();
    }
    return null;
  }

  /**
   * The running Worker of this script, (re)started when its spec changed; answers its base URL
   * port.
   */
  int portFor(String script, WorkerSpec spec) {
    Object lock;
    synchronized (locks) {
      lock = locks.computeIfAbsent(script, k -> new Object());
    }
    synchronized (lock) {
      WorkerProcess running;
      synchronized (processes) {
        running = processes.get(script);
      }
      if (running != null && running.alive() && running.spec().key().equals(spec.key()))
        return running.port();
      if (running != null) stop(running);
      Map<String, String> localImages = new LinkedHashMap<>();
      for (WorkerSpec.DoClass d : spec.classes().values()) {
        if (d.image() != null)
          localImages.put(d.className(), images.local(d.application(), d.image()));
      }
      WorkerProcess started =
          WorkerProcess.start(
              node,
              launcherHome(),
              config.workerRuntime(),
              spec,
              localImages,
              uniqueKeyPrefix(script),
              images.dockerSocket());
      synchronized (processes) {
        processes.put(script, started);
      }
      return started.port();
    }
  }

  /** Stops the script's Worker, if it runs, and removes its containers. */
  void stop(String script) {
    WorkerProcess p;
    synchronized (processes) {
      p = processes.remove(script);
    }
    if (p != null) stop(p);
  }

  /**
   * workerd names containers `workerd-<uniqueKey>-<id>`; this prefix is this emulator's and this
   * script's.
   */
  private String uniqueKeyPrefix(String script) {
    return "cfemu-" + emulatorId + "-" + script + "-";
  }

  /** Stops every Worker and removes the containers they started (reset). */
  public void stopAll() {
    List<WorkerProcess> all;
    synchronized (processes) {
      all = new ArrayList<>(processes.values());
      processes.clear();
    }
    all.forEach(this::stop);
    if (images != null && active()) removeContainers("workerd-cfemu-" + emulatorId + "-");
  }

  private void stop(WorkerProcess p) {
    p.stop();
    removeContainers("workerd-" + uniqueKeyPrefix(p.spec().script()));
  }

  private void removeContainers(String namePrefix) {
    try {
      DockerClient d = images.docker();
      for (Container c :
          d.listContainersCmd().withShowAll(true).withNameFilter(List.of(namePrefix)).exec()) {
        boolean mine = Stream.of(c.getNames()).anyMatch(n -> n.startsWith("/" + namePrefix));
        if (!mine) continue;
        try {
          d.removeContainerCmd(c.getId()).withForce(true).exec();
        } catch (NotFoundException gone) {
          // removed meanwhile
        }
      }
    } catch (RuntimeException e) {
      System.err.println("[cf-emulator] removing the Worker runtime's containers failed: " + e);
    }
  }

  public ObjectNode toJson() {
    ObjectNode n = Json.object();
    n.put("mode", active() ? "worker" : "direct");
    if (reason != null) n.put("reason", reason);
    if (config.workerRuntime() != null) n.put("dir", config.workerRuntime().toString());
    n.put("container_name_prefix", "workerd-cfemu-" + emulatorId + "-");
    ArrayNode workers = n.putArray("workers");
    synchronized (processes) {
      processes.values().forEach(p -> workers.add(p.toJson()));
    }
    return n;
  }

  @Override
  public void close() {
    stopAll();
    if (images != null) images.close();
    if (home != null) deleteTree(home);
  }

  /** A private directory holding the launcher script and one sub-directory per started Worker. */
  private synchronized Path launcherHome() {
    if (home == null) {
      try {
        home = Files.createTempDirectory("cf-emulator-workers-");
        try (InputStream in = WorkerRuntime.class.getResourceAsStream(LAUNCHER)) {
          if (in == null)
            throw new IllegalStateException(
                "resource " + LAUNCHER + " is missing from the emulator jar");
          Files.copy(in, home.resolve(LAUNCHER));
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot prepare the Worker runtime's directory: " + e, e);
      }
    }
    return home;
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory: best effort
    }
  }

  private static Path which(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (d.isEmpty()) continue;
      Path p = Path.of(d, tool);
      if (Files.isExecutable(p)) return p;
    }
    return null;
  }
}
