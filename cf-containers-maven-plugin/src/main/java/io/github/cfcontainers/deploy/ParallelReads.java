package io.github.cfcontainers.deploy;

import io.github.cfcontainers.common.Background;
import io.github.cfcontainers.common.CfException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Independent API reads started together on a small pool the deploy owns, so a no-op deploy costs a
 * few round trips, not one per read. Results are taken in plan order ({@link Read#get}), so when
 * several reads fail the failure reported is the one a sequential run would meet first.
 */
final class ParallelReads implements AutoCloseable {

  /** Enough for one round of a deploy's reads; bounded so many containers do not flood the API. */
  static final int THREADS = 6;

  private final ExecutorService pool;

  ParallelReads() {
    var count = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              var t = new Thread(r, "cf-deploy-read-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** A read in flight. */
  static final class Read<T> {
    private final Future<T> future;

    private Read(Future<T> future) {
      this.future = future;
    }

    /** The read's answer, or its failure rethrown as the read itself threw it. */
    T get() {
      try {
        return future.get();
      } catch (ExecutionException e) {
        throw Background.rethrown(e.getCause(), "A read failed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CfException("Interrupted while reading the deployed state.", e);
      }
    }
  }

  <T> Read<T> start(Supplier<T> read) {
    return new Read<>(pool.submit(read::get));
  }

  /** A read already answered (nothing to start). */
  static <T> Read<T> done(T value) {
    return new Read<>(CompletableFuture.completedFuture(value));
  }

  /**
   * Reads left over after a failure are abandoned: interrupted, and waited for briefly so none
   * outlives the deploy.
   */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
