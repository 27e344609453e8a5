package io.github.cfcontainers.cloudflare;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;

/**
 * Bounded retries with exponential backoff and full jitter, and one {@link ApiCallEvent} per
 * attempt.
 *
 * <p>What is retried:
 *
 * <ul>
 *   <li>429 and 5xx answers, and connection failures/resets/timeouts (IOException), for idempotent
 *       requests: GET, PUT (the Worker upload replaces the script), DELETE, PATCH (our PATCH bodies
 *       set absolute values) and POSTs marked {@link Idempotent} (registry credentials, workers.dev
 *       switch);
 *   <li>for other POSTs (create application, create rollout), only answers that say the request was
 *       not acted on, 429 (rate limiter) and 503 (unavailable), and connection failures that
 *       happened before the request could be sent (refused, unknown host, no route, connect
 *       timeout, TLS handshake). A 500/502/504 or a connection reset after sending is NOT retried:
 *       the server may already have created the application or rollout, and a blind retry could
 *       create a second one or fail confusingly. The user gets the error and the state can be
 *       re-read.
 *   <li>never other 4xx.
 * </ul>
 *
 * {@code Retry-After} (seconds or HTTP-date) is honoured; one longer than {@link
 * RetryPolicy#maxRetryAfter()} ends the retries at once with a note saying so.
 */
final class RetryInterceptor implements Interceptor {

  static final String ATTEMPTS_HEADER = "X-Cfc-Client-Attempts";
  static final String NOTE_HEADER = "X-Cfc-Client-Note";

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;
  private final ApiCallListener listener;
  private final String basePath;

  RetryInterceptor(
      RetryPolicy policy,
      Sleeper sleeper,
      Clock clock,
      DoubleSupplier random,
      ApiCallListener listener,
      String basePath) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
    this.listener = listener;
    this.basePath = basePath;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String method = request.method();
    String path = RequestPaths.relative(request.url(), basePath);
    boolean idempotent = isIdempotent(request);
    int max = policy.maxAttempts();
    for (int attempt = 1; ; attempt++) {
      long start = System.nanoTime();
      Response response;
      try {
        response = chain.proceed(request);
      } catch (NonJsonAnswerException e) {
        emit(method, path, e.status, start, attempt, null, null);
        e.attempts = attempt;
        throw e;
      } catch (IOException e) {
        String failure = TransportFailure.describe(e);
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
          emit(method, path, 0, start, attempt, failure, null);
          throw e; // cancelled or interrupted: stop
        }
        if (!idempotent && !neverReachedServer(e)) {
          emit(method, path, 0, start, attempt, failure, null);
          throw new TransportFailure(
              e,
              attempt,
              "Not retried: this "
                  + method
                  + " may have reached the server, and repeating it could do it twice; check the current "
                  + "state before running again.");
        }
        if (attempt >= max) {
          emit(method, path, 0, start, attempt, failure, null);
          throw new TransportFailure(e, attempt, gaveUp(attempt));
        }
        Duration delay = policy.backoffAfter(attempt, random.getAsDouble());
        emit(method, path, 0, start, attempt, failure, delay);
        sleep(delay);
        continue;
      }

      int code = response.code();
      if (code != 429 && code < 500) {
        emit(method, path, code, start, attempt, null, null);
        return annotate(response, attempt, null);
      }
      if (!idempotent && code != 429 && code != 503) {
        emit(method, path, code, start, attempt, null, null);
        return annotate(
            response,
            attempt,
            "Not retried: the server may have acted on this "
                + method
                + " before failing; check the current state before running again.");
      }
      if (attempt >= max) {
        emit(method, path, code, start, attempt, null, null);
        return annotate(response, attempt, gaveUp(attempt));
      }
      Duration retryAfter = parseRetryAfter(response.header("Retry-After"), clock);
      Duration delay;
      if (retryAfter != null) {
        if (retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
          emit(method, path, code, start, attempt, null, null);
          return annotate(
              response,
              attempt,
              "The server asked to retry after "
                  + retryAfter.toSeconds()
                  + " s (Retry-After), longer than the "
                  + policy.maxRetryAfter().toSeconds()
                  + " s this client waits; gave up.");
        }
        delay = retryAfter;
      } else {
        delay = policy.backoffAfter(attempt, random.getAsDouble());
      }
      emit(method, path, code, start, attempt, null, delay);
      response.close();
      sleep(delay);
    }
  }

  private static String gaveUp(int attempts) {
    return attempts > 1 ? "Gave up after " + attempts + " attempts." : null;
  }

  private static Response annotate(Response response, int attempts, String note) {
    Response.Builder b = response.newBuilder().header(ATTEMPTS_HEADER, Integer.toString(attempts));
    if (note != null) {
      b.header(NOTE_HEADER, note);
    }
    return b.build();
  }

  static boolean isIdempotent(Request request) {
    String m = request.method();
    if (!m.equals("POST")) {
      return true; // GET, HEAD, PUT, DELETE, PATCH (see class doc)
    }
    Invocation inv = request.tag(Invocation.class);
    return inv != null && inv.method().isAnnotationPresent(Idempotent.class);
  }

  /** Failures that happen before a request can be sent. */
  static boolean neverReachedServer(IOException e) {
    if (e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof SSLHandshakeException) {
      return true;
    }
    if (e instanceof SocketTimeoutException) {
      String msg = e.getMessage();
      return msg != null && msg.toLowerCase(Locale.ROOT).contains("connect");
    }
    return false;
  }

  /** {@code Retry-After} as delay-seconds or HTTP-date; null when absent or unreadable. */
  static Duration parseRetryAfter(String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException tooLong) {
        return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);
      }
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  private void sleep(Duration delay) throws IOException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  private void emit(
      String method,
      String path,
      int status,
      long startNanos,
      int attempt,
      String failure,
      Duration retryIn) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000L;
    try {
      listener.onCall(new ApiCallEvent(method, path, status, ms, attempt, failure, retryIn));
    } catch (RuntimeException ignored) {
      // a logging hook must not break the call
    }
  }
}
