package io.github.cfcontainers.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one HttpHandler: reads the request, applies injected faults, routes to the API, admin or
 * traffic side, answers errors in the envelope, and logs one line per request (method, path,
 * status, ms; never a header, so never the token).
 */
public final class FrontDoor implements HttpHandler {
  public static final String API_PREFIX = "/client/v4";

  private final Router api;
  private final Router admin;
  private final Auth auth;
  private final Faults faults;
  private final RequestLog log;
  private final String adminPrefix;
  private final String trafficPrefix;
  private final Router.Handler traffic;

  /**
   * {@code admin} answers under {@code adminPrefix} (no auth, not logged), {@code traffic} takes
   * every request under {@code trafficPrefix} (the workers.dev stand-in), the rest is the API.
   */
  public FrontDoor(
      Router api,
      Router admin,
      String adminPrefix,
      Auth auth,
      Faults faults,
      RequestLog log,
      String trafficPrefix,
      Router.Handler traffic) {
    this.api = api;
    this.admin = admin;
    this.adminPrefix = adminPrefix;
    this.auth = auth;
    this.faults = faults;
    this.log = log;
    this.trafficPrefix = trafficPrefix;
    this.traffic = traffic;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    Request request;
    try (InputStream in = exchange.getRequestBody()) {
      request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              in.readAllBytes(),
              Map.of());
    }
    String path = request.path();
    Response response;
    long lateMillis = 0;
    if (path.startsWith(adminPrefix + "/") || path.equals(adminPrefix)) {
      response = dispatch(admin, request, path.substring(adminPrefix.length()), false);
    } else if (path.startsWith(trafficPrefix)) {
      response = guard(() -> traffic.handle(request));
    } else {
      Faults.Fault fault = faults.take(request.method(), path);
      boolean before = fault != null && !fault.after;
      if (before && fault.delayMillis > 0) sleep(fault.delayMillis);
      if (before && fault.drop) {
        finish(request, 0, null, start);
        exchange.close(); // closed before any response bytes: the client sees a dropped connection
        return;
      }
      if (fault != null && fault.status > 0) {
        ApiException e = new ApiException(fault.status, fault.code, fault.message);
        if (fault.retryAfter != null) e.header("Retry-After", fault.retryAfter);
        response = Response.error(e);
      } else if (!path.startsWith(API_PREFIX + "/")) {
        response = Response.error(ApiException.noRoute(path));
      } else {
        response = dispatch(api, request, path.substring(API_PREFIX.length()), true);
      }
      if (fault != null && fault.after) {
        // The request was carried out; now its answer is lost or late.
        if (fault.drop) {
          finish(request, 0, null, start);
          exchange.close();
          return;
        }
        lateMillis = fault.delayMillis;
      }
    }
    // Logged before the answer goes out: a client holding its answer always finds the request in
    // the log, and one that left early (read timeout) is logged too, since the request did arrive.
    finish(request, response.status(), response.status() >= 400 ? response.body() : null, start);
    if (lateMillis > 0) sleep(lateMillis); // "when":"after": acted and logged, answered late
    respond(exchange, request, response);
  }

  private Response dispatch(Router router, Request request, String relative, boolean checkAuth) {
    return guard(
        () -> {
          Router.Match m = router.match(request.method(), relative);
          Request bound = request.withParams(m.params());
          if (checkAuth) auth.check(bound, m.route().access());
          return m.route().handler().handle(bound);
        });
  }

  private static Response guard(Supplier<Response> call) {
    try {
      return call.get();
    } catch (ApiException e) {
      return Response.error(e);
    } catch (RuntimeException e) {
      e.printStackTrace();
      return Response.error(new ApiException(500, 10013, "Internal error in emulator: " + e));
    }
  }

  private static void respond(HttpExchange exchange, Request request, Response response)
      throws IOException {
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    boolean noBody =
        request.method().equals("HEAD") || response.status() == 204 || response.status() == 304;
    exchange.sendResponseHeaders(
        response.status(), noBody ? -1 : response.body().length == 0 ? -1 : response.body().length);
    if (!noBody && response.body().length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
    exchange.close();
  }

  private void finish(Request request, int status, byte[] errorBody, long start) {
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (!request.path().startsWith(adminPrefix))
      log.add(request, status, ms, RequestLog.firstError(errorBody));
    System.err.println(
        "[cf-emulator] "
            + request.method()
            + " "
            + request.path()
            + " "
            + (status == 0 ? "dropped" : String.valueOf(status))
            + " "
            + ms
            + "ms");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
