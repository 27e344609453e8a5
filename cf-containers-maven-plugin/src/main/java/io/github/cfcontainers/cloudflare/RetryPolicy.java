package io.github.cfcontainers.cloudflare;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded retries with exponential backoff and full jitter.
 *
 * <p>Attempt {@code n} (1-based) that failed waits a uniformly random time in {@code [0,
 * min(maxDelay, baseDelay * 2^(n-1))]} before the next attempt ("full jitter"), unless the server
 * sent {@code Retry-After}, which is honoured exactly; a {@code Retry-After} longer than {@link
 * #maxRetryAfter()} makes the client give up at once with a clear message instead of blocking the
 * build.
 *
 * @param maxAttempts total attempts including the first (1 = no retries)
 * @param baseDelay the first backoff ceiling
 * @param maxDelay the cap for the exponential backoff ceiling
 * @param maxRetryAfter the longest server-requested wait the client accepts
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

  /** 4 attempts, 500 ms base, 20 s cap, Retry-After accepted up to 120 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(120));

  /** A single attempt, no retry. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
  }

  /** The backoff ceiling after failed attempt {@code attempt} (1-based), before jitter. */
  public Duration ceilingAfter(int attempt) {
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    long base = baseDelay.toMillis();
    long ceiling = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
    return Duration.ofMillis(Math.min(ceiling, maxDelay.toMillis()));
  }

  /** Full jitter: {@code random} in [0,1) scales the ceiling. */
  public Duration backoffAfter(int attempt, double random) {
    double r = Math.min(Math.max(random, 0.0), 1.0);
    return Duration.ofMillis((long) Math.floor(ceilingAfter(attempt).toMillis() * r));
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseDelay, maxDelay, maxRetryAfter);
  }
}
