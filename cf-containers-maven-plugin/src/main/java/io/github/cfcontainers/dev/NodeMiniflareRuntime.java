// Over 300 lines: one child process's whole life (launch, readiness, log streaming, shutdown), kept
// together.
package io.github.cfcontainers.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfcontainers.common.CfException;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link DevRuntime} on Node: the launcher script drives Miniflare's API from the Worker project's
 * own node_modules (wrangler brings miniflare), so the runtime is the version the project pins.
 */
public final class NodeMiniflareRuntime implements DevRuntime {

  static final String LAUNCHER = "cf-dev-launcher.mjs";
  static final String READY = "CF_DEV_READY ";
  static final String PROBE = "CF_DEV_PROBE ";
  static final String NO_RUNTIME = "CF_DEV_NO_RUNTIME ";
  static final String WARN = "CF_DEV_WARN ";
  static final String INSTALL_RUNTIME =
      "add wrangler to the Worker's devDependencies and install it: "
          + "`npm install --save-dev --save-exact wrangler@4.86.0` in the Worker project (4.86.0 is the last "
          + "wrangler for Node 20; newer ones need Node 22.12+); the runtime is the miniflare it brings";
  static final String INSTALL_NODE =
      "install Node.js 20 or newer (https://nodejs.org) and put `node` on the PATH";

  private final Map<String, String> environment;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Uses the JVM's environment: PATH for node; DOCKER_HOST, MINIFLARE_CONTAINER_EGRESS_IMAGE pass
   * through.
   */
  public NodeMiniflareRuntime() {
    this(System.getenv());
  }

  public NodeMiniflareRuntime(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Probe probe(Path workerProject, Path runDirectory) {
    Path launcher = writeLauncher(runDirectory);
    var lines = new ArrayList<String>();
    int exit;
    try {
      Process p =
          start(
              List.of(node().toString(), launcher.toString(), "--probe", workerProject.toString()),
              workerProject);
      pump(p.getInputStream(), lines::add, new ArrayDeque<>()).join();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new CfException("Probing the local Workers runtime with node timed out after 60 s.");
      }
      exit = p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CfException("Interrupted while probing the local Workers runtime.", e);
    }
    for (String line : lines) {
      if (line.startsWith(PROBE)) {
        try {
          var answer = json.readTree(line.substring(PROBE.length()));
          return new Probe(
              answer.path("version").asText("?"), answer.path("egressImage").asText(null));
        } catch (IOException e) {
          throw new CfException("The runtime probe printed an unreadable answer: " + line, e);
        }
      }
      if (line.startsWith(NO_RUNTIME)) {
        throw new CfException(
            "The local Workers runtime (miniflare) is not installed in the Worker project "
                + workerProject
                + ": "
                + line.substring(NO_RUNTIME.length())
                + "\n  Fix: "
                + INSTALL_RUNTIME
                + ".");
      }
    }
    throw new CfException(
        "Probing the local Workers runtime failed (node exited with "
            + exit
            + "):\n  "
            + String.join("\n  ", lines)
            + "\n  Fix: "
            + INSTALL_NODE
            + " and "
            + INSTALL_RUNTIME
            + ".");
  }

  @Override
  public Running start(
      DevPlan plan, Path runDirectory, Consumer<String> output, Consumer<String> warnings) {
    Path launcher = writeLauncher(runDirectory);
    Path options = runDirectory.resolve("miniflare-options.json");
    try {
      json.writerWithDefaultPrettyPrinter()
          .writeValue(
              options.toFile(),
              Map.of(
                  "workerProject", plan.workerProject().toString(), "miniflare", plan.options()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + options, e);
    }
    Process process =
        start(
            List.of(node().toString(), launcher.toString(), options.toString()),
            plan.workerProject(),
            secretsJson(plan));
    return new NodeRunning(process, output, warnings);
  }

  /** {NAME: value} of the Worker's secrets: the launcher's stdin, so no value is ever in a file. */
  private byte[] secretsJson(DevPlan plan) {
    var values = new LinkedHashMap<String, String>();
    plan.secrets().forEach(s -> values.put(s.name(), s.value()));
    try {
      return json.writeValueAsBytes(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Process start(List<String> command, Path directory) {
    return start(command, directory, new byte[0]);
  }

  private Process start(List<String> command, Path directory, byte[] stdin) {
    var builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    try {
      Process p = builder.start();
      try (var in = p.getOutputStream()) { // then end-of-file: never the terminal's
        in.write(stdin);
      }
      return p;
    } catch (IOException e) {
      throw new CfException(
          "Cannot run node ("
              + command.get(0)
              + "): "
              + e.getMessage()
              + "\n  Fix: "
              + INSTALL_NODE
              + ".",
          e);
    }
  }

  private Path node() {
    String path =
        environment.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("PATH"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        Path candidate = Path.of(dir).resolve("node");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new CfException(
        "Node.js was not found: no `node` executable on the PATH ("
            + path
            + "); cf:dev runs the local Workers runtime with it.\n  Fix: "
            + INSTALL_NODE
            + ".");
  }

  private static Path writeLauncher(Path runDirectory) {
    Path target = runDirectory.resolve(LAUNCHER);
    try (InputStream in = NodeMiniflareRuntime.class.getResourceAsStream(LAUNCHER)) {
      if (in == null) {
        throw new IllegalStateException("The plugin jar lacks " + LAUNCHER);
      }
      Files.createDirectories(runDirectory);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target, e);
    }
  }

  private static Thread pump(InputStream in, Consumer<String> sink, Deque<String> tail) {
    Thread t =
        new Thread(
            () -> {
              try (var reader =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  synchronized (tail) {
                    if (tail.size() == 40) {
                      tail.removeFirst();
                    }
                    tail.addLast(line);
                  }
                  sink.accept(line);
                }
              } catch (IOException ignored) {
                // the process ended
              }
            },
            "cf-dev-runtime-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The launcher process; workerd runs as its child. */
  private static final class NodeRunning implements Running {
    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread reader;

    NodeRunning(Process process, Consumer<String> output, Consumer<String> warnings) {
      this.process = process;
      this.reader =
          pump(
              process.getInputStream(),
              line -> {
                if (line.startsWith(READY)) {
                  ready.countDown();
                } else if (line.startsWith(WARN)) {
                  warnings.accept(line.substring(WARN.length()));
                } else {
                  output.accept(line);
                }
              },
              tail);
    }

    @Override
    public void awaitReady(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!ready.await(200, TimeUnit.MILLISECONDS)) {
        if (!process.isAlive()) {
          reader.join(2000);
          if (ready.getCount() == 0) {
            return;
          }
          throw new CfException(
              "The local Workers runtime stopped before it served (exit code "
                  + process.exitValue()
                  + "); its last lines:\n  "
                  + tailText());
        }
        if (System.nanoTime() > deadline) {
          throw new CfException(
              "The local Workers runtime did not serve within "
                  + timeout.toSeconds()
                  + " s; its last lines:\n  "
                  + tailText());
        }
      }
    }

    private String tailText() {
      synchronized (tail) {
        return String.join("\n  ", new ArrayList<>(tail));
      }
    }

    @Override
    public int awaitExit() throws InterruptedException {
      int code = process.waitFor();
      reader.join(2000);
      return code;
    }

    @Override
    public void stop(Duration grace) {
      // Taken before the launcher ends: once it is gone, workerd is no longer its descendant.
      List<ProcessHandle> tree = process.descendants().toList();
      process.destroy(); // SIGTERM: the launcher disposes Miniflare, which ends workerd
      try {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
      tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
  }
}
