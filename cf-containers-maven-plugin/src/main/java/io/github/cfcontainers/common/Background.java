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
        throw rethrown(e.getCause(), threadName + " failed");
      }
    };
  }

  /**
   * What another thread's task threw, to throw on the caller's: an unchecked exception or error as
   * it was, anything else wrapped in a {@link CfException} that starts with {@code what}.
   */
  public static RuntimeException rethrown(Throwable cause, String what) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new CfException(what + ": " + cause, cause);
  }
}
