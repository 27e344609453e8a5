package io.github.cfcontainers.cloudflare;

import java.io.IOException;

/** Internal: no answer after the retries that applied; carries the attempt count and a note for the user. */
final class TransportFailure extends IOException {

  private static final long serialVersionUID = 1L;

  final int attempts;
  final String note;

  TransportFailure(IOException cause, int attempts, String note) {
    super(describe(cause), cause);
    this.attempts = attempts;
    this.note = note;
  }

  static String describe(Throwable e) {
    String msg = e.getMessage();
    return e.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
  }
}
