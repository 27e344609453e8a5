package io.github.cfcontainers.cloudflare;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the API on 127.0.0.1 that the warm-up's own client sends its reads to, so that a
 * cold JVM runs the whole path of a call once (OkHttp's connection and HTTP/1.1 code, the
 * interceptors, Retrofit's call and converter, data binding of a real answer) before the goal's
 * first real read. Every answer is an empty success: {@code []} for the paths that list, {@code {}}
 * otherwise. One request per connection; nothing leaves the machine.
 */
final class LoopbackRehearsal implements Closeable {

  private final ServerSocket server;

  LoopbackRehearsal() throws IOException {
    // 127.0.0.1 itself, not getLoopbackAddress(): that is ::1 when the JVM prefers IPv6
    server = new ServerSocket(0, 8, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    var thread = new Thread(this::serve, "cf-api-warm-up-loopback");
    thread.setDaemon(true);
    thread.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/client/v4";
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        answer(socket);
      } catch (IOException | RuntimeException e) {
        // closed, a client that went away, a request it cannot read: the rehearsal only costs less
      }
    }
  }

  private static void answer(Socket socket) throws IOException {
    var in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    String requestLine = in.readLine();
    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
      // headers: not needed
    }
    String path = requestLine == null ? "" : requestLine.split(" ")[1].replaceFirst("\\?.*", "");
    boolean lists =
        path.endsWith("/workers/scripts")
            || path.endsWith("/namespaces")
            || path.endsWith("/applications");
    byte[] body =
        ("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":"
                + (lists ? "[]" : "{}")
                + "}")
            .getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
