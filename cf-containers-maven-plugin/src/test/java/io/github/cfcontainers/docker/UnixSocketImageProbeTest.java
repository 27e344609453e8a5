package io.github.cfcontainers.docker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixSocketImageProbeTest {

  @TempDir Path dir;

  @Test
  void anEngineThatAcceptsButNeverAnswersFailsTheProbeInsteadOfHangingTheBuild() throws Exception {
    Path socket = dir.resolve("docker.sock");
    var held = new AtomicReference<SocketChannel>();
    try (var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      var accepter =
          new Thread(
              () -> {
                try {
                  held.set(server.accept()); // and never write a byte
                } catch (IOException ignored) {
                  // the test ends
                }
              });
      accepter.setDaemon(true);
      accepter.start();

      assertThatThrownBy(() -> UnixSocketImageProbe.imageId(socket, "busybox:1"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("no answer within");
    } finally {
      if (held.get() != null) {
        held.get().close();
      }
    }
  }
}
