package io.github.cfcontainers.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import io.github.cfcontainers.testground.TestGroundEmulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The real emulator, started against the test ground's real registry, and its admin side (state,
 * request log, faults) for the fault matrix. No fakes: what it reports is what the deploy did over
 * the wire.
 */
final class FaultMatrixGround implements AutoCloseable {

  static final String TOKEN = "fault-matrix-token";
  static final String SUBDOMAIN = "acme";

  final CloudflareEmulator cf;

  FaultMatrixGround() throws IOException {
    cf =
        TestGroundEmulator.withRegistry(
                CloudflareEmulator.builder()
                    .apiToken(TOKEN)
                    .workersDevSubdomain(SUBDOMAIN)
                    .runContainers(
                        false)) // the matrix is about API calls; running busybox adds nothing but
            // time
            .start();
  }

  /** Test-ground coordinates; a missing one fails the test, it never skips it. */
  static String env(String name) {
    return TestGroundEmulator.env(name);
  }

  void reset() {
    cf.reset();
  }

  void fault(String specJson) {
    call("POST", "/faults", specJson);
  }

  void clearFaults() {
    call("DELETE", "/faults", null);
  }

  JsonNode state() {
    return call("GET", "/state", null);
  }

  JsonNode requests() {
    return call("GET", "/requests", null);
  }

  void clearRequests() {
    call("DELETE", "/requests", null);
  }

  /**
   * How many logged API requests have this method and a path matching the regex (as a fault
   * matches).
   */
  long count(String method, String pathRegex) {
    var path = Pattern.compile(pathRegex);
    long n = 0;
    for (JsonNode r : requests()) {
      if (r.path("method").asText().equals(method)
          && path.matcher(r.path("path").asText()).find()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Logged requests that change something; the credentials POST mints a login and changes no
   * deployment.
   */
  List<String> writes() {
    var out = new ArrayList<String>();
    for (JsonNode r : requests()) {
      String m = r.path("method").asText();
      String p = r.path("path").asText();
      if (!m.equals("GET") && !m.equals("HEAD") && !p.endsWith("/credentials")) {
        out.add(m + " " + p + " " + r.path("status").asInt());
      }
    }
    return out;
  }

  /**
   * Waits until the request log is quiet: a request the client gave up on (read timeout) is still
   * being answered, and must land in this cell's log, not the next one's.
   */
  void awaitQuiet(long millis) throws InterruptedException {
    int last = -1;
    for (int i = 0; i < 100; i++) {
      int now = requests().size();
      if (now == last) {
        return;
      }
      last = now;
      Thread.sleep(millis);
    }
  }

  private JsonNode call(String method, String path, String body) {
    return TestGroundEmulator.admin(cf, method, path, body);
  }

  @Override
  public void close() {
    cf.close();
  }
}
