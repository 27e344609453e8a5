package io.github.cfcontainers.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class LoopbackHttpServerTest {

  @Test
  void turnsNaglesAlgorithmOffUnlessTheJvmWasToldOtherwise() throws IOException {
    String before = System.getProperty(LoopbackHttpServer.NO_DELAY);
    var server = LoopbackHttpServer.create(0, 1);
    try {
      assertThat(server.getAddress().getAddress().isLoopbackAddress()).isTrue();
      assertThat(System.getProperty(LoopbackHttpServer.NO_DELAY))
          .isEqualTo(before == null ? "true" : before);
    } finally {
      server.stop(0);
    }
  }
}
