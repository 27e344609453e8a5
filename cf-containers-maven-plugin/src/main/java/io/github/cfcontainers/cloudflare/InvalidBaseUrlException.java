package io.github.cfcontainers.cloudflare;

/**
 * The configured API base URL is not usable; the message says where it came from and why. The
 * plugin maps it to the setting the user writes ({@code <apiBaseUrl>}).
 */
public final class InvalidBaseUrlException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  InvalidBaseUrlException(String message) {
    super(message);
  }
}
