package io.github.cfcontainers.cloudflare;

import java.time.Duration;

/** Waits between retries; injectable so tests run without real sleeps. */
@FunctionalInterface
public interface Sleeper {

  /** The real thing: {@link Thread#sleep(long)}. */
  Sleeper SYSTEM =
      duration -> {
        long millis = duration.toMillis();
        if (millis > 0) {
          Thread.sleep(millis);
        }
      };

  void sleep(Duration duration) throws InterruptedException;
}
