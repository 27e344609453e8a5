package io.github.cfcontainers.emulator.workers;

import io.github.cfcontainers.emulator.containers.ContainerRunner;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Request;
import io.github.cfcontainers.emulator.http.Response;
import io.github.cfcontainers.emulator.state.EmulatorConfig;
import io.github.cfcontainers.emulator.state.EmulatorState;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stand-in for `https://<script>.<subdomain>.workers.dev`:
 * `http://127.0.0.1:<port>/__workers/<script>/<path>` sends `/<path>` to the uploaded Worker
 * running in the local Workers runtime ({@link WorkerRuntime}), which reaches its containers
 * through its Durable Objects as in production. Like workers.dev it needs the account subdomain and
 * the script's workers.dev route enabled. Every answer says which way it went in
 * `cf-emulator-traffic`: `worker`, or `direct` when the runtime is unavailable and the request is
 * forwarded straight to the container of the script's container application (with several, the
 * header `cf-emulator-class: <ClassName>` picks one, default first by name).
 */
public final class TrafficProxy {
  public static final String PREFIX = "/__workers/";
  static final String TRAFFIC_HEADER = "cf-emulator-traffic";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> HOP_HEADERS =
      Set.of(
          "connection",
          "content-length",
          "host",
          "transfer-encoding",
          "upgrade",
          "keep-alive",
          "expect",
          "te",
          "trailer",
          "http2-settings");

  private final EmulatorState state;
  private final EmulatorConfig config;
  private final ContainerRunner runner;
  private final WorkerRuntime workers;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .followRedirects(HttpClient.Redirect.NEVER)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  public TrafficProxy(
      EmulatorState state, EmulatorConfig config, ContainerRunner runner, WorkerRuntime workers) {
    this.workers = workers;
    this.state = state;
    this.config = config;
    this.runner = runner;
  }

  public Response forward(Request q) {
    String rest = q.path().substring(PREFIX.length());
    int slash = rest.indexOf('/');
    String scriptName = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "/" : rest.substring(slash);
    if (workers.active()) return throughWorker(q, scriptName, path);
    Response r = direct(q, scriptName, path);
    r.headers().put(TRAFFIC_HEADER, "direct; the Worker does not run: " + workers.reason());
    return r;
  }

  private Response throughWorker(Request q, String scriptName, String path) {
    WorkerSpec spec;
    try {
      synchronized (state) {
        enabledScript(scriptName);
        spec = WorkerSpec.of(state, scriptName);
      }
    } catch (ApiException gone) {
      workers.stop(scriptName); // a deleted (or disabled) Worker stops running, with its containers
      throw gone;
    }
    Response r;
    try {
      r = send(q, workers.portFor(scriptName, spec), path);
    } catch (IOException e) {
      r = text(502, "the local Workers runtime did not answer: " + e);
    } catch (ApiException e) {
      r = text(e.status, e.getMessage());
    }
    r.headers().put(TRAFFIC_HEADER, "worker");
    return r;
  }

  private Response direct(Request q, String scriptName, String path) {
    String applicationId = resolve(scriptName, q.header("cf-emulator-class"));
    if (!runner.enabled())
      return text(503, "this emulator does not run containers (runContainers=false)");
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (true) {
      ContainerRunner.Instance instance = runner.instance(applicationId);
      if (instance == null) return text(502, "the application has no instance");
      if (instance.state().equals("failed"))
        return text(502, "the container failed to start: " + instance.error());
      if (instance.state().equals("running")) {
        try {
          return send(q, instance.port(), path);
        } catch (ConnectException e) {
          // the app inside is still booting: retry until the deadline, like the ports-ready wait
        } catch (IOException e) {
          return text(502, "forwarding failed: " + e);
        }
      }
      if (Instant.now().isAfter(deadline))
        return text(504, "the container did not answer within " + READY_TIMEOUT.toSeconds() + " s");
      sleep();
    }
  }

  private void enabledScript(String scriptName) {
    EmulatorState.Script script = state.scripts.get(scriptName);
    if (script == null || config.workersDevSubdomain() == null || !script.workersDevEnabled()) {
      throw new ApiException(
          404,
          10007,
          "There is nothing here yet: no Worker '" + scriptName + "' with workers.dev enabled");
    }
  }

  private String resolve(String scriptName, String wantedClass) {
    synchronized (state) {
      enabledScript(scriptName);
      EmulatorState.Application chosen = null;
      for (EmulatorState.Application a : state.applications.values()) {
        EmulatorState.Namespace ns =
            a.namespaceId() == null ? null : state.namespaces.get(a.namespaceId());
        if (ns == null || !ns.script().equals(scriptName)) continue;
        if (wantedClass != null && !wantedClass.equals(ns.className())) continue;
        if (chosen == null || a.name().compareTo(chosen.name()) < 0) chosen = a;
      }
      if (chosen == null)
        throw new ApiException(
            502, 10000, "Worker '" + scriptName + "' has no container application");
      return chosen.id();
    }
  }

  private Response send(Request q, int port, String path) throws IOException {
    String target =
        "http://127.0.0.1:" + port + path + (q.rawQuery() == null ? "" : "?" + q.rawQuery());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(target))
            .timeout(Duration.ofSeconds(60))
            .method(
                q.method(),
                q.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(q.body()));
    for (Map.Entry<String, List<String>> h : q.headers().entrySet()) {
      if (h.getKey() == null || HOP_HEADERS.contains(h.getKey().toLowerCase())) continue;
      for (String v : h.getValue()) {
        try {
          b.header(h.getKey(), v);
        } catch (IllegalArgumentException restricted) {
          // java.net.http refuses a few headers; they are not needed by the app
        }
      }
    }
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> headers = new LinkedHashMap<>();
      r.headers()
          .map()
          .forEach(
              (k, v) -> {
                if (!HOP_HEADERS.contains(k.toLowerCase()) && !k.startsWith(":"))
                  headers.put(k, String.join(", ", v));
              });
      return new Response(r.statusCode(), headers, r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static Response text(int status, String message) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "text/plain; charset=utf-8");
    return new Response(status, h, (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
