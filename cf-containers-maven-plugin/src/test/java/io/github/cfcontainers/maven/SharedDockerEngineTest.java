package io.github.cfcontainers.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SharedDockerEngineTest {

  @Test
  void oneBuildGetsOneEngineFromEveryThreadAndTheNextBuildANewOne() throws Exception {
    Object build = new Object();
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> engines = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        engines.add(pool.submit(() -> (Object) SharedDockerEngine.of(build)));
      }
      var first = engines.get(0).get();
      for (var engine : engines) {
        assertThat(engine.get()).isSameAs(first);
      }
      assertThat(SharedDockerEngine.of(new Object())).isNotSameAs(first);
    } finally {
      pool.shutdown();
    }
  }
}
