package io.github.cfcontainers.maven;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import io.github.cfcontainers.testground.TestGroundEmulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The real emulator against the test ground's registry, and its request log: what a mojo did over
 * the wire.
 */
final class CorpusGround implements AutoCloseable {

  static final String TOKEN = "corpus-token-full";
  static final String LIMITED_TOKEN = "corpus-token-workers-only";

  final CloudflareEmulator cf;
  final String registry;

  CorpusGround() throws IOException {
    registry = env("CF_TEST_REGISTRY");
    cf =
        TestGroundEmulator.withRegistry(
                CloudflareEmulator.builder()
                    .apiToken(TOKEN)
                    .tokenWithoutContainers(LIMITED_TOKEN)
                    .workersDevSubdomain("acme")
                    .runContainers(false))
            .start();
  }

  /** Test-ground coordinates; a missing one fails the test, it never skips it. */
  static String env(String name) {
    return TestGroundEmulator.env(name);
  }

  /** Every logged API request as "METHOD path status". */
  List<String> requests() {
    var out = new ArrayList<String>();
    for (JsonNode r : admin("GET")) {
      out.add(
          r.path("method").asText()
              + " "
              + r.path("path").asText()
              + " "
              + r.path("status").asInt());
    }
    return out;
  }

  /**
   * Logged requests that are not reads. The registry-credentials POST counts: no input error may
   * reach it.
   */
  List<String> writes() {
    return requests().stream()
        .filter(r -> !r.startsWith("GET ") && !r.startsWith("HEAD "))
        .toList();
  }

  void reset() {
    cf.reset();
    admin("DELETE");
  }

  private JsonNode admin(String method) {
    return TestGroundEmulator.admin(cf, method, "/requests", null);
  }

  @Override
  public void close() {
    cf.close();
  }
}
