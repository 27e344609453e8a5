package io.github.cfcontainers.cloudflare;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A one-request HTTP server on 127.0.0.1 that answers with an empty API envelope, so that {@link
 * CloudflareApi#warmUp} can send one request through the whole client (interceptors, OkHttp's call
 * and HTTP/1.1 code, Retrofit, the JSON converter) without reaching the real API.
 */
final class LoopbackRehearsal implements AutoCloseable {

  private static final String BODY =
      "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"subdomain\":\"warm-up\"}}";

  private static final byte[] ANSWER =
      ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
              + "Content-Length: "
              + BODY.length()
              + "\r\n\r\n"
              + BODY)
          .getBytes(StandardCharsets.US_ASCII);

  private static final int TIMEOUT_MILLIS = 5_000;

  private final ServerSocket server;

  LoopbackRehearsal() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    server.setSoTimeout(TIMEOUT_MILLIS);
    var thread = new Thread(this::answerOnce, "cf-api-warm-up-server");
    thread.setDaemon(true);
    thread.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/client/v4";
  }

  private void answerOnce() {
    try (Socket socket = server.accept()) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      InputStream in = socket.getInputStream();
      // the request has no body (a GET): its head ends with an empty line
      int last4 = 0;
      for (int b; last4 != 0x0d0a0d0a && (b = in.read()) >= 0; ) {
        last4 = (last4 << 8) | b;
      }
      OutputStream out = socket.getOutputStream();
      out.write(ANSWER);
      out.flush();
    } catch (IOException e) {
      // the rehearsal is an optimisation: the warm-up's own call reports the failure
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
