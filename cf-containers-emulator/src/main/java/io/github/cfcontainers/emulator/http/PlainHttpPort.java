package io.github.cfcontainers.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * A loopback port that relays plain HTTP to a local server and answers a TLS client hello at once
 * with a plain-HTTP 400, as a Go HTTP server does. Clients that try HTTPS first on a loopback
 * registry (the Docker daemon, the plugin) then see "server gave HTTP response to HTTPS client" and
 * fall back to HTTP at once, instead of waiting out their handshake timeout against a server that
 * waits silently for a request line.
 */
public final class PlainHttpPort implements AutoCloseable {
  private static final int TLS_HANDSHAKE = 0x16;
  private static final byte[] NOT_TLS =
      ("HTTP/1.0 400 Bad Request\r\nContent-Length: 48\r\n\r\n"
              + "Client sent an HTTP request to an HTTPS server.\n")
          .getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final int target;
  private final ExecutorService executor;

  public PlainHttpPort(int targetPort, ExecutorService executor) throws IOException {
    this.target = targetPort;
    this.executor = executor;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    executor.execute(this::accept);
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        executor.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      // Relayed bytes go on at once: with Nagle's algorithm a write after a small one waits for
      // the peer's delayed ACK (40 ms), e.g. the rest of a request after its first byte.
      client.setTcpNoDelay(true);
      InputStream in = client.getInputStream();
      int first = in.read();
      if (first < 0) return;
      if (first == TLS_HANDSHAKE) {
        client.getOutputStream().write(NOT_TLS);
        return;
      }
      try (Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
        server.setTcpNoDelay(true);
        OutputStream toServer = server.getOutputStream();
        toServer.write(first);
        var answers = executor.submit(() -> pump(server, client));
        in.transferTo(toServer);
        server.shutdownOutput();
        answers.get(); // the answers drain before both sockets close
      }
    } catch (IOException | InterruptedException | ExecutionException e) {
      // the connection ended
    }
  }

  private static void pump(Socket server, Socket client) {
    try {
      server.getInputStream().transferTo(client.getOutputStream());
      client.shutdownOutput();
    } catch (IOException e) {
      // one side closed
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
