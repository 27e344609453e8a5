package io.github.cfcontainers.cloudflare;

import java.util.Objects;

/**
 * A Cloudflare API token. The value is only handed to the HTTP layer (package-private {@link
 * #reveal()}); {@link #toString()} is redacted so the token cannot leak into logs, exception
 * messages or reports.
 */
public final class ApiToken {

  private static final String REDACTED = "ApiToken[REDACTED]";

  private final String value;

  private ApiToken(String value) {
    this.value = value;
  }

  /**
   * @param value the raw token; must be non-blank and a single header-safe line
   * @throws IllegalArgumentException when blank or containing whitespace/control characters (the
   *     message never contains the value)
   */
  public static ApiToken of(String value) {
    Objects.requireNonNull(value, "API token must not be null");
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("The Cloudflare API token is empty");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            "The Cloudflare API token contains whitespace or non-ASCII characters (value not shown)");
      }
    }
    return new ApiToken(trimmed);
  }

  /** The raw value, for the Authorization header only. */
  String reveal() {
    return value;
  }

  /** Replaces every occurrence of this token in {@code text} (e.g. an echoed server message). */
  String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return text.replace(value, "[REDACTED]");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiToken other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
