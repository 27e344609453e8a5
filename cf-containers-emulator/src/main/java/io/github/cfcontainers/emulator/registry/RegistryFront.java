package io.github.cfcontainers.emulator.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.http.LoopbackHttpServer;
import io.github.cfcontainers.emulator.http.PlainHttpPort;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

// Over 300 lines: one handler; the pass-through and Cloudflare-only endpoints share its relay.
/**
 * Cloudflare's registry in front of the real one (CNCF distribution 2.8), plain HTTP on loopback (a
 * TLS hello is refused at once, see {@link PlainHttpPort}, so clients fall back to HTTP as for any
 * loopback registry): every request is passed through with the caller's Authorization (the
 * backend's htpasswd decides), except what only Cloudflare's registry serves, per wrangler's
 * containers/images.ts:
 *
 * <ul>
 *   <li>{@code GET /v2/_catalog?tags=true}: {@code {"repositories":{"<account>/<name>":[tags]}}},
 *       only this account's repositories (built from the backend's paged catalog and tags/list);
 *   <li>{@code DELETE /v2/<name>/manifests/<tag>}: distribution 2.8 deletes only by digest, so the
 *       tag is resolved and its digest deleted (every tag on that digest goes with it);
 *   <li>{@code PUT /v2/gc/layers}: recorded and answered 202 (distribution's GC runs offline; no
 *       blob is removed).
 * </ul>
 *
 * Bodies are buffered, which suits the small test images. Location headers are rewritten to the
 * front.
 */
public final class RegistryFront implements AutoCloseable {
  private static final Pattern MANIFEST = Pattern.compile("/v2/(.+)/manifests/([^/]+)");
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  /** Headers the JDK client sets itself or refuses. */
  private static final Set<String> HOP =
      Set.of(
          "host",
          "connection",
          "content-length",
          "transfer-encoding",
          "expect",
          "upgrade",
          "keep-alive");

  private final RegistryTransport backend;
  private final Path backendCa;
  private final String accountId;
  private final HttpServer server;
  private final PlainHttpPort port;
  private final ExecutorService executor;
  private final List<String> gcCalls = new CopyOnWriteArrayList<>();

  public RegistryFront(String backendHost, Path backendCa, String accountId) throws IOException {
    this.backend = new RegistryTransport(backendHost, backendCa);
    this.backendCa = backendCa;
    this.accountId = accountId;
    server = LoopbackHttpServer.create(0, 64);
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "cf-emulator-registry-front");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    port = new PlainHttpPort(server.getAddress().getPort(), executor);
  }

  /** {@code 127.0.0.1:<port>}: the account's registry domain. */
  public String host() {
    return "127.0.0.1:" + port.port();
  }

  /**
   * The real registry: the emulator's own reads go there directly (a TLS probe of this plain-HTTP
   * front would hang).
   */
  public String backendHost() {
    return backend.host();
  }

  public Path backendCa() {
    return backendCa;
  }

  /** The times {@code PUT /v2/gc/layers} was called (admin state). */
  public ArrayNode gcToJson() {
    ArrayNode out = Json.array();
    gcCalls.forEach(out::add);
    return out;
  }

  @Override
  public void close() {
    port.close();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String method = x.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = x.getRequestURI().getRawPath();
      String query = x.getRequestURI().getRawQuery();
      String auth = x.getRequestHeaders().getFirst("Authorization");
      byte[] body = x.getRequestBody().readAllBytes();
      if (method.equals("GET")
          && path.equals("/v2/_catalog")
          && query != null
          && query.contains("tags=true")) {
        catalogWithTags(x, auth);
        return;
      }
      if (method.equals("PUT") && path.equals("/v2/gc/layers")) {
        HttpResponse<byte[]> check = send("GET", "/v2/", null, auth, null);
        if (check.statusCode() != 200) {
          relay(x, method, check);
          return;
        }
        gcCalls.add(Instant.now().toString());
        reply(x, 202, "{}");
        return;
      }
      Matcher m = MANIFEST.matcher(path);
      if (method.equals("DELETE") && m.matches() && !m.group(2).contains(":")) {
        HttpResponse<byte[]> head = send("HEAD", path, null, auth, RegistryClient.ACCEPT);
        String digest = head.headers().firstValue("Docker-Content-Digest").orElse(null);
        if (head.statusCode() != 200 || digest == null) {
          relay(
              x,
              method,
              head.statusCode() == 200
                  ? send("GET", path, null, auth, RegistryClient.ACCEPT)
                  : head);
          return;
        }
        relay(
            x,
            method,
            send(
                "DELETE",
                "/v2/" + m.group(1) + "/manifests/" + digest,
                null,
                auth,
                RegistryClient.ACCEPT));
        return;
      }
      String full = path + (query == null ? "" : "?" + query);
      relay(x, method, forward(method, full, body, x));
    } catch (RuntimeException e) {
      reply(
          x,
          502,
          "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"registry front: "
              + e.getMessage().replace("\"", "'")
              + "\"}]}");
    }
  }

  /** This account's repositories with their tags, from the backend's paged catalog. */
  private void catalogWithTags(HttpExchange x, String auth) throws IOException {
    ObjectNode repositories = Json.object();
    String next = "/v2/_catalog?n=100";
    while (next != null) {
      HttpResponse<byte[]> page = send("GET", next, null, auth, "application/json");
      if (page.statusCode() != 200) {
        relay(x, "GET", page);
        return;
      }
      for (JsonNode repo : Json.parse(page.body(), "catalog").path("repositories")) {
        if (!repo.asText().startsWith(accountId + "/")) continue;
        HttpResponse<byte[]> tags =
            send("GET", "/v2/" + repo.asText() + "/tags/list", null, auth, "application/json");
        if (tags.statusCode() != 200) continue; // a repository emptied by deletes lists no tags
        ArrayNode list = repositories.putArray(repo.asText());
        Json.parse(tags.body(), "tags").path("tags").forEach(list::add);
        if (list.isEmpty()) repositories.remove(repo.asText());
      }
      Matcher link = NEXT.matcher(page.headers().firstValue("Link").orElse(""));
      next = link.find() ? link.group(1) : null;
    }
    ObjectNode out = Json.object();
    out.set("repositories", repositories);
    reply(x, 200, out.toString());
  }

  private HttpResponse<byte[]> forward(
      String method, String pathAndQuery, byte[] body, HttpExchange x) {
    return call(
        method,
        pathAndQuery,
        body,
        b ->
            x.getRequestHeaders()
                .forEach(
                    (k, values) -> {
                      if (!HOP.contains(k.toLowerCase(Locale.ROOT)))
                        values.forEach(v -> b.header(k, v));
                    }));
  }

  private HttpResponse<byte[]> send(
      String method, String pathAndQuery, byte[] body, String auth, String accept) {
    return call(
        method,
        pathAndQuery,
        body,
        b -> {
          if (auth != null) b.header("Authorization", auth);
          if (accept != null) b.header("Accept", accept);
        });
  }

  private interface Headers {
    void add(HttpRequest.Builder b);
  }

  private HttpResponse<byte[]> call(
      String method, String pathAndQuery, byte[] body, Headers headers) {
    try {
      try {
        return once(method, pathAndQuery, body, headers);
      } catch (IOException e) {
        if (!backend.fallBackToHttp(e)) throw e;
        return once(method, pathAndQuery, body, headers);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "backend registry " + backend.host() + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<byte[]> once(
      String method, String pathAndQuery, byte[] body, Headers headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(origin() + pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null || body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.add(b);
    return backend.client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private String origin() {
    return backend.scheme() + "://" + backend.host();
  }

  private void relay(HttpExchange x, String method, HttpResponse<byte[]> r) throws IOException {
    List<String> skip = new ArrayList<>(HOP);
    skip.add("date");
    r.headers()
        .map()
        .forEach(
            (k, values) -> {
              if (skip.contains(k.toLowerCase(Locale.ROOT)) || k.startsWith(":")) return;
              for (String v : values) {
                x.getResponseHeaders()
                    .add(
                        k,
                        k.equalsIgnoreCase("Location")
                            ? v.replace(origin(), "http://" + host())
                            : v);
              }
            });
    byte[] body = r.body() == null ? new byte[0] : r.body();
    boolean noBody = method.equals("HEAD") || r.statusCode() == 204 || r.statusCode() == 304;
    if (noBody) {
      // HEAD keeps the backend's Content-Length (a blob's size), which the server leaves alone.
      r.headers()
          .firstValue("Content-Length")
          .ifPresent(v -> x.getResponseHeaders().set("Content-Length", v));
      x.sendResponseHeaders(r.statusCode(), -1);
      return;
    }
    x.sendResponseHeaders(r.statusCode(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void reply(HttpExchange x, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, b.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(b);
    }
  }
}
