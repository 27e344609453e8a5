package io.github.cfcontainers.docker;

import io.github.cfcontainers.common.StreamingJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One {@code GET /images/<reference>/json} over the engine's Unix socket with the JDK alone: the
 * image id an unchanged build checks, without setting up docker-java for it.
 */
final class UnixSocketImageProbe {

  /** What a reference may hold; anything else is left to the client's own URL encoding. */
  private static final Pattern SAFE_REFERENCE = Pattern.compile("[A-Za-z0-9._/:@-]+");

  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

  private UnixSocketImageProbe() {}

  /**
   * @return the image id, or empty when the engine has no such image (404)
   * @throws IOException on any other answer, or none
   */
  static Optional<String> imageId(Path socket, String reference) throws IOException {
    if (!SAFE_REFERENCE.matcher(reference).matches()) {
      throw new IOException("reference needs URL encoding: " + reference);
    }
    byte[] answer;
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        Selector selector = Selector.open()) {
      // HTTP/1.0: the engine closes the connection after the answer, which is never chunked.
      String request = "GET /images/" + reference + "/json HTTP/1.0\r\nHost: docker\r\n\r\n";
      var buffer = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      // An engine that accepts but never answers (one still starting) must not hang the build.
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_READ);
      long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
      var out = new ByteArrayOutputStream();
      var chunk = ByteBuffer.allocate(8192);
      while (true) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new IOException("no answer within " + ANSWER_TIMEOUT.toSeconds() + " s");
        }
        selector.select(left);
        selector.selectedKeys().clear();
        int read = channel.read(chunk);
        if (read < 0) {
          break;
        }
        out.write(chunk.array(), 0, chunk.position());
        chunk.clear();
      }
      answer = out.toByteArray();
    }
    String text = new String(answer, StandardCharsets.UTF_8);
    int bodyStart = text.indexOf("\r\n\r\n");
    String[] status = text.substring(0, Math.max(0, text.indexOf("\r\n"))).split(" ");
    if (bodyStart < 0 || status.length < 2) {
      throw new IOException("not an HTTP answer");
    }
    if (status[1].equals("404")) {
      return Optional.empty();
    }
    if (!status[1].equals("200")) {
      throw new IOException("HTTP " + status[1]);
    }
    String id = StreamingJson.topLevelString(text.substring(bodyStart + 4), "Id").orElse("");
    if (!id.startsWith("sha256:")) {
      throw new IOException("no image id in the answer");
    }
    return Optional.of(id);
  }
}
