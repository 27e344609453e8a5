package io.github.cfcontainers.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTest {

  @Test
  void runsOnADaemonThreadOfItsOwnWhileTheCallerGoesOn() throws Exception {
    var release = new CountDownLatch(1);
    var result =
        Background.start(
            "cf-test-work",
            () -> {
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Thread.currentThread().getName()
                  + " daemon="
                  + Thread.currentThread().isDaemon();
            });
    release.countDown(); // the caller got here while the work was still waiting for it
    assertThat(result.get()).isEqualTo("cf-test-work daemon=true");
  }

  @Test
  void rethrowsTheWorksOwnUncheckedException() {
    var thrown = new UncheckedIOException(new IOException("disk"));
    var result =
        Background.start(
            "cf-test-failure",
            () -> {
              throw thrown;
            });
    assertThatThrownBy(result::get).isSameAs(thrown);
  }
}
