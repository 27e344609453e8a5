package io.github.cfcontainers.cloudflare;

import java.time.Duration;

/**
 * One HTTP attempt against the Cloudflare API, for a debug log line. Never holds headers, query
 * strings or bodies, so it cannot carry the token.
 *
 * @param method HTTP method
 * @param path path relative to the base URL, without query (e.g. {@code
 *     /accounts/…/workers/scripts/x})
 * @param status HTTP status, or {@code 0} when no answer arrived (connection failure)
 * @param durationMs wall time of this attempt
 * @param attempt 1-based attempt number
 * @param failure the transport failure (class and message) when {@code status == 0}, else {@code
 *     null}
 * @param retryIn the wait before the next attempt when the client will retry, else {@code null}
 */
public record ApiCallEvent(
    String method,
    String path,
    int status,
    long durationMs,
    int attempt,
    String failure,
    Duration retryIn) {

  /** A ready-made log line, e.g. {@code GET /accounts/…/containers/me -> 200 (12 ms)}. */
  public String describe() {
    StringBuilder sb =
        new StringBuilder("Cloudflare API ").append(method).append(' ').append(path).append(" -> ");
    sb.append(status == 0 ? "no answer (" + failure + ")" : Integer.toString(status));
    sb.append(" (").append(durationMs).append(" ms");
    if (attempt > 1) {
      sb.append(", attempt ").append(attempt);
    }
    sb.append(')');
    if (retryIn != null) {
      sb.append("; retrying in ").append(retryIn.toMillis()).append(" ms");
    }
    return sb.toString();
  }
}
