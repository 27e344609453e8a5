package io.github.cfcontainers.emulator.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The JDK HTTP server on a loopback port, with Nagle's algorithm off for its connections.
 *
 * <p>Why: with it on (the JDK's default, {@code sun.net.httpserver.nodelay=false}) an answer on a
 * kept-alive connection leaves in two segments, and the second waits for the client's delayed ACK:
 * 40 ms on Linux, on every request but a connection's first. Measured before this: 44 ms per
 * request, 1-2 ms after. Cloudflare's API has no such stall, and it would have made every client's
 * round trip here look like a network's.
 */
public final class LoopbackHttpServer {
  /** Read once, when the JVM makes its first JDK HTTP server: an embedding JVM may have already. */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  private LoopbackHttpServer() {}

  public static HttpServer create(int port, int backlog) throws IOException {
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
    return HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
  }
}
