package io.github.cfcontainers.emulator.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.state.EmulatorState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

// Over 300 lines: the launch options, readiness wait and stop of one child belong together.
/** One Node child running one script's Worker in Miniflare (see worker-runtime.mjs). */
final class WorkerProcess {
  private static final long READY_SECONDS = 60;

  /**
   * Miniflare module types (miniflare ModuleRuleTypeSchema) by the upload's part content type
   * (wrangler create-worker-upload-form: esm, commonjs, text, buffer, compiled-wasm, python).
   */
  private static final Map<String, String> MODULE_TYPES =
      Map.of(
          "application/javascript+module",
          "ESModule",
          "text/javascript+module",
          "ESModule",
          "application/javascript",
          "CommonJS",
          "text/javascript",
          "CommonJS",
          "text/plain",
          "Text",
          "application/octet-stream",
          "Data",
          "application/wasm",
          "CompiledWasm",
          "text/x-python",
          "PythonModule",
          "application/x-python",
          "PythonModule",
          "application/x-python-requirement",
          "PythonRequirement");

  private final WorkerSpec spec;
  private final Map<String, String> localImages;
  private final Process process;
  private final Path dir;
  private final int port;
  private final Instant startedAt;
  private final long readyMillis;
  private final String compatibilityDateUsed;

  private WorkerProcess(
      WorkerSpec spec,
      Map<String, String> localImages,
      Process process,
      Path dir,
      int port,
      Instant startedAt,
      long readyMillis,
      String compatibilityDateUsed) {
    this.compatibilityDateUsed = compatibilityDateUsed;
    this.spec = spec;
    this.localImages = localImages;
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.startedAt = startedAt;
    this.readyMillis = readyMillis;
  }

  static WorkerProcess start(
      Path node,
      Path home,
      Path runtimeDir,
      WorkerSpec spec,
      Map<String, String> localImages,
      String uniqueKeyPrefix,
      String dockerSocket) {
    long t0 = System.nanoTime();
    Path dir;
    try {
      dir = Files.createTempDirectory(home, spec.script() + "-");
      writeConfig(dir, runtimeDir, spec, localImages, uniqueKeyPrefix, dockerSocket);
    } catch (IOException e) {
      throw new ApiException(502, 10013, "cannot write the Worker's files for the runtime: " + e);
    }
    ProcessBuilder pb =
        new ProcessBuilder(
                node.toString(),
                home.resolve(WorkerRuntime.LAUNCHER).toString(),
                dir.resolve("config.json").toString())
            .directory(dir.toFile());
    // The launcher needs no secret: keep the emulator's own tokens and registry password out of its
    // env.
    pb.environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("CLOUDFLARE_") || k.contains("TOKEN") || k.contains("PASSWORD"));
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      WorkerRuntime.deleteTree(dir);
      throw new ApiException(
          502, 10013, "cannot start the Worker runtime (" + node + "): " + e.getMessage());
    }
    // Secrets go over the launcher's stdin, never into config.json or its argv/env: the first line.
    try {
      var secrets = Json.object();
      spec.secrets().values.forEach(secrets::put);
      p.getOutputStream()
          .write((Json.MAPPER.writeValueAsString(secrets) + "\n").getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().flush();
    } catch (IOException e) {
      p.destroyForcibly();
      WorkerRuntime.deleteTree(dir);
      throw new ApiException(
          502, 10013, "cannot hand the Worker's secrets to the runtime: " + e.getMessage());
    }
    Deque<String> tail = new ArrayDeque<>();
    CompletableFuture<JsonNode> ready = new CompletableFuture<>();
    pump(p, spec.script(), tail, ready);
    try {
      JsonNode line = ready.get(READY_SECONDS, TimeUnit.SECONDS);
      String url = line.path("cf-emulator-ready").asText();
      String date = line.path("compatibilityDate").asText(spec.compatibilityDate());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      System.err.println(
          "[cf-emulator] Worker "
              + spec.script()
              + " (version "
              + spec.versionId()
              + ") runs in Miniflare at "
              + url
              + ", ready in "
              + ms
              + " ms; compatibility date "
              + date
              + "; images "
              + localImages
              + (spec.ignored().isEmpty()
                  ? ""
                  : "; bindings not available locally: " + spec.ignored()));
      return new WorkerProcess(
          spec,
          Map.copyOf(localImages),
          p,
          dir,
          URI.create(url).getPort(),
          Instant.now(),
          ms,
          date);
    } catch (Exception e) {
      p.destroyForcibly();
      WorkerRuntime.deleteTree(dir);
      String why =
          e instanceof TimeoutException
              ? "not ready within " + READY_SECONDS + " s"
              : String.valueOf(e.getCause());
      String out;
      synchronized (tail) {
        out = String.join("\n", tail);
      }
      throw new ApiException(
          502,
          10013,
          "the Worker '"
              + spec.script()
              + "' did not start in the local runtime ("
              + why
              + "):\n"
              + out);
    }
  }

  private static void writeConfig(
      Path dir,
      Path runtimeDir,
      WorkerSpec spec,
      Map<String, String> localImages,
      String uniqueKeyPrefix,
      String dockerSocket)
      throws IOException {
    Files.createDirectories(dir.resolve("modules"));
    ObjectNode c = Json.object();
    c.put("runtime", runtimeDir.toAbsolutePath().toString()).put("script", spec.script());
    c.put("compatibilityDate", spec.compatibilityDate());
    ArrayNode flags = c.putArray("compatibilityFlags");
    spec.flags().forEach(flags::add);
    ArrayNode modules = c.putArray("modules");
    // The main module first: Miniflare takes the first module as the entry point.
    int i = 0;
    for (boolean main : new boolean[] {true, false}) {
      for (EmulatorState.Module m : spec.modules()) {
        if (m.name().equals(spec.mainModule()) != main) continue;
        String type = MODULE_TYPES.get(UploadParts.mediaType(m.contentType()));
        if (type == null) continue; // source maps, JSON: not modules the runtime loads here
        String file = "m" + (i++);
        Files.write(dir.resolve("modules").resolve(file), m.body());
        modules.addObject().put("name", m.name()).put("type", type).put("file", file);
      }
    }
    ObjectNode bindings = c.putObject("bindings");
    spec.vars().forEach((k, v) -> bindings.set(k, v));
    ObjectNode bound = c.putObject("durableObjects");
    spec.bound()
        .forEach((name, d) -> bound.set(name, durableObject(d, localImages, uniqueKeyPrefix)));
    ArrayNode unbound = c.putArray("unboundDurableObjects");
    spec.unbound().forEach(d -> unbound.add(durableObject(d, localImages, uniqueKeyPrefix)));
    c.put("dockerSocket", dockerSocket);
    Files.writeString(
        dir.resolve("config.json"),
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(c));
  }

  private static JsonNode durableObject(
      WorkerSpec.DoClass d, Map<String, String> localImages, String uniqueKeyPrefix) {
    ObjectNode o =
        Json.object()
            .put("className", d.className())
            .put("useSQLite", d.sqlite())
            .put("unsafeUniqueKey", uniqueKeyPrefix + d.className());
    String image = localImages.get(d.className());
    if (image != null) o.put("imageName", image);
    return o;
  }

  /**
   * Forwards the launcher's output to the emulator's stderr, keeps a tail for errors, spots the
   * ready line.
   */
  private static void pump(
      Process p, String script, Deque<String> tail, CompletableFuture<JsonNode> ready) {
    for (boolean stdout : new boolean[] {true, false}) {
      Thread t =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(
                            stdout ? p.getInputStream() : p.getErrorStream(),
                            StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    if (stdout && line.startsWith("{\"cf-emulator-ready\":")) {
                      ready.complete(Json.MAPPER.readTree(line));
                      continue;
                    }
                    System.err.println("[cf-emulator worker " + script + "] " + line);
                    synchronized (tail) {
                      tail.addLast(line);
                      if (tail.size() > 40) tail.removeFirst();
                    }
                  }
                } catch (IOException ignored) {
                  // the process ended
                }
                ready.completeExceptionally(new IllegalStateException("the launcher exited"));
              },
              "cf-emulator-worker-" + script);
      t.setDaemon(true);
      t.start();
    }
  }

  WorkerSpec spec() {
    return spec;
  }

  int port() {
    return port;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Closes the launcher's stdin (it disposes Miniflare and exits), then makes sure it is gone. */
  void stop() {
    List<ProcessHandle> children =
        process.descendants().toList(); // workerd, before they are orphaned
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS))
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    WorkerRuntime.deleteTree(dir);
  }

  ObjectNode toJson() {
    ObjectNode n = Json.object();
    n.put("script", spec.script())
        .put("version_id", spec.versionId())
        .put("port", port)
        .put("pid", process.pid());
    n.put("alive", alive()).put("started_at", startedAt.toString()).put("ready_ms", readyMillis);
    n.put("compatibility_date", spec.compatibilityDate())
        .put("compatibility_date_used", compatibilityDateUsed);
    ObjectNode img = n.putObject("images");
    localImages.forEach(img::put);
    ArrayNode ignored = n.putArray("bindings_not_available");
    spec.ignored().forEach(ignored::add);
    return n;
  }
}
