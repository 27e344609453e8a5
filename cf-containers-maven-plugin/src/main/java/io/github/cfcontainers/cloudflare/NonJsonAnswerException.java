package io.github.cfcontainers.cloudflare;

import java.io.IOException;

/**
 * Internal: a 2xx answer that is not JSON; turned into {@link CloudflareApiException} by the
 * caller.
 */
final class NonJsonAnswerException extends IOException {

  private static final long serialVersionUID = 1L;

  final int status;
  final String contentType;
  final String cfMitigated;
  final String snippet;
  int attempts = 1;

  NonJsonAnswerException(int status, String contentType, String cfMitigated, String snippet) {
    super("HTTP " + status + " answer is not JSON (" + contentType + ")");
    this.status = status;
    this.contentType = contentType;
    this.cfMitigated = cfMitigated;
    this.snippet = snippet;
  }
}
