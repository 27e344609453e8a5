package io.github.cfcontainers.cloudflare;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one exception the Cloudflare client throws for a failed call: an error envelope, an answer
 * that is not JSON (WAF challenge, HTML error page), a connection failure after the retries, or an
 * unexpected answer shape.
 *
 * <p>It is unchecked so that callers can let it travel up to the mojo, which turns it into a build
 * failure. {@link #getMessage()} is meant for the user: it names the call, the HTTP status, every
 * error (with the containers API's {@code error}/{@code details} parsed out of the message) and a
 * hint when one is known. It never contains the API token or a query string.
 */
public class CloudflareApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, coarsely. */
  public enum Kind {
    /** The API answered with an error envelope (or a JSON answer with {@code success: false}). */
    API_ERROR,
    /** The answer was not JSON: WAF challenge, HTML error page from a proxy, wrong base URL, … */
    NON_JSON_ANSWER,
    /** The answer was JSON but not of the expected shape. */
    UNEXPECTED_ANSWER,
    /**
     * No answer: connection refused/reset, timeout, DNS failure (after the retries that applied).
     */
    TRANSPORT
  }

  private final Kind kind;
  private final int httpStatus;
  private final String method;
  private final String path;
  private final List<ApiError> errors;
  private final int attempts;

  CloudflareApiException(
      Kind kind,
      int httpStatus,
      String method,
      String path,
      List<ApiError> errors,
      int attempts,
      String summary,
      Throwable cause) {
    super(summary, cause);
    this.kind = Objects.requireNonNull(kind);
    this.httpStatus = httpStatus;
    this.method = method;
    this.path = path;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
    this.attempts = attempts;
  }

  public Kind kind() {
    return kind;
  }

  /** HTTP status, or 0 when no answer arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  public String method() {
    return method;
  }

  /** Path relative to the base URL, never with the query. */
  public String path() {
    return path;
  }

  public List<ApiError> errors() {
    return errors;
  }

  /** How many HTTP attempts were made (1 when nothing was retried). */
  public int attempts() {
    return attempts;
  }

  public List<Integer> codes() {
    return errors.stream().map(ApiError::code).collect(Collectors.toList());
  }

  public List<String> messages() {
    return errors.stream().map(ApiError::message).collect(Collectors.toList());
  }

  public boolean hasCode(int code) {
    return errors.stream().anyMatch(e -> e.code() == code);
  }

  /**
   * The first {@code error} parsed out of a containers API message, e.g. {@code
   * DURABLE_OBJECT_ALREADY_HAS_APPLICATION}.
   */
  public String errorName() {
    return errors.stream()
        .map(ApiError::detail)
        .filter(Objects::nonNull)
        .map(ApiError.Detail::error)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  public boolean hasErrorName(String name) {
    return errors.stream()
        .map(ApiError::detail)
        .filter(Objects::nonNull)
        .anyMatch(d -> name.equals(d.error()));
  }

  /** The first parsed containers-API detail, if any. */
  public Optional<ApiError.Detail> detail() {
    return errors.stream().map(ApiError::detail).filter(Objects::nonNull).findFirst();
  }

  public boolean isNotFound() {
    return httpStatus == 404;
  }

  /** 401/403 or code 10000 (authentication error). */
  public boolean isAuthenticationError() {
    return httpStatus == 401
        || (httpStatus == 403 && kind == Kind.API_ERROR)
        || hasCode(CloudflareErrorCodes.AUTHENTICATION);
  }

  public boolean isRateLimited() {
    return httpStatus == 429;
  }

  // ---- construction (package-private: only the client builds these) ----

  static CloudflareApiException apiError(
      int status, String method, String path, List<ApiError> errors, int attempts, String note) {
    StringBuilder sb =
        new StringBuilder(callName(method, path)).append(" failed with HTTP ").append(status);
    if (errors.isEmpty()) {
      sb.append(" (no error details in the answer)");
    } else {
      sb.append(": ")
          .append(errors.stream().map(ApiError::describe).collect(Collectors.joining("; ")));
    }
    appendNote(sb, attempts, note);
    String hint = hint(status, errors);
    if (hint != null) {
      sentence(sb, "Hint: " + hint);
    }
    return new CloudflareApiException(
        Kind.API_ERROR, status, method, path, errors, attempts, sb.toString(), null);
  }

  static CloudflareApiException nonJson(
      int status,
      String method,
      String path,
      String contentType,
      String cfMitigated,
      String bodySnippet,
      int attempts,
      String note) {
    StringBuilder sb =
        new StringBuilder(callName(method, path))
            .append(" got HTTP ")
            .append(status)
            .append(" with an answer that is not JSON (content type ")
            .append(contentType == null ? "none" : contentType)
            .append(')');
    if (cfMitigated != null) {
      sb.append(": the request was stopped by a Cloudflare security challenge (cf-mitigated: ")
          .append(cfMitigated)
          .append("). An API client cannot solve a challenge: check the base URL, ")
          .append(
              "the network you deploy from (VPN/proxy/CI egress IP) and any WAF rules on the account.");
    } else {
      sb.append(". A proxy or load balancer answered instead of the API, or the base URL is wrong");
      if (bodySnippet != null && !bodySnippet.isBlank()) {
        sb.append("; the answer starts with: \"").append(bodySnippet).append('"');
      }
      sb.append('.');
    }
    appendNote(sb, attempts, note);
    return new CloudflareApiException(
        Kind.NON_JSON_ANSWER, status, method, path, List.of(), attempts, sb.toString(), null);
  }

  static CloudflareApiException unexpected(
      int status, String method, String path, String problem, Throwable cause) {
    return new CloudflareApiException(
        Kind.UNEXPECTED_ANSWER,
        status,
        method,
        path,
        List.of(),
        1,
        callName(method, path)
            + " got HTTP "
            + status
            + " with an answer of an unexpected shape: "
            + problem,
        cause);
  }

  static CloudflareApiException transport(
      String method, String path, String failure, int attempts, String note, Throwable cause) {
    StringBuilder sb =
        new StringBuilder(callName(method, path)).append(" got no answer: ").append(failure);
    appendNote(sb, attempts, note);
    return new CloudflareApiException(
        Kind.TRANSPORT, 0, method, path, List.of(), attempts, sb.toString(), cause);
  }

  private static String callName(String method, String path) {
    return "Cloudflare API call " + method + " " + path;
  }

  private static void appendNote(StringBuilder sb, int attempts, String note) {
    if (note != null && !note.isBlank()) {
      sentence(sb, note);
    } else if (attempts > 1) {
      sentence(sb, "Gave up after " + attempts + " attempts.");
    }
  }

  /** Ends the current sentence with a period and starts a new one. */
  private static void sentence(StringBuilder sb, String text) {
    char last = sb.charAt(sb.length() - 1);
    sb.append(last == '.' || last == '!' || last == '?' ? " " : ". ").append(text);
  }

  private static String hint(int status, List<ApiError> errors) {
    Set<Integer> codes = errors.stream().map(ApiError::code).collect(Collectors.toSet());
    Set<String> names =
        errors.stream()
            .map(ApiError::detail)
            .filter(Objects::nonNull)
            .map(ApiError.Detail::error)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    if (status == 401 || status == 403 || codes.contains(CloudflareErrorCodes.AUTHENTICATION)) {
      return "check that the API token is valid, not expired, and has the permissions this call needs "
          + "(Workers Scripts: Edit for /workers, Containers: Edit for /containers) on this account.";
    }
    if (codes.contains(CloudflareErrorCodes.MIGRATION_TAG_MISMATCH)) {
      return "the migration old_tag does not match the Worker's current tag: read the current tag again and "
          + "send only the migrations that are still pending.";
    }
    if (codes.contains(CloudflareErrorCodes.WORKERS_DEV_SUBDOMAIN_MISSING)) {
      return "the account has no workers.dev subdomain yet: choose one in the Cloudflare dashboard "
          + "(Workers & Pages) once.";
    }
    if (names.contains("DURABLE_OBJECT_ALREADY_HAS_APPLICATION")) {
      return "another container application already serves this Durable Object namespace: delete it, "
          + "or adopt it if it is yours.";
    }
    if (names.contains("DURABLE_OBJECT_NOT_CONTAINER_ENABLED")) {
      return "the class's Durable Object namespace was created without the 'containers' entry in the Worker "
          + "upload and cannot be converted: rename the class with a new migration, or delete the Worker.";
    }
    if (names.contains("IMAGE_REGISTRY_DOESNT_CONTAIN_IMAGE")) {
      return "the image reference is not in the registry: push the image first and check its digest.";
    }
    if (names.contains("SURPASSED_BASE_LIMITS") || names.contains("SURPASSED_TOTAL_LIMITS")) {
      return "the requested instance size or count exceeds the account's container limits "
          + "(GET /accounts/{account_id}/containers/me shows them).";
    }
    if (status == 429) {
      return "the account is rate limited (1,200 requests per 5 minutes); wait and run again.";
    }
    return null;
  }
}
