package io.github.cfcontainers.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work started on a daemon thread of its own so that a goal's main thread can go on meanwhile: a
 * cold JVM spends much of a short goal loading classes, and the build machine has other cores.
 */
public final class Background {

  private Background() {}

  /**
   * Starts {@code work} now; the returned supplier waits for its result and rethrows what it threw
   * (an unchecked exception as it was, anything else wrapped in a {@link CfException}).
   */
  public static <T> Supplier<T> start(String threadName, Supplier<T> work) {
    var future =
        CompletableFuture.supplyAsync(
            work,
            task -> {
              var thread = new Thread(task, threadName);
              thread.setDaemon(true);
              thread.start();
            });
    return () -> {
      try {
        return future.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new CfException(threadName + " failed: " + e.getCause(), e.getCause());
      }
    };
  }
}
