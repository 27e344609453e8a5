package io.github.cfcontainers.cloudflare;

import java.io.EOFException;
import java.io.IOException;

/**
 * Internal: no answer after the retries that applied; carries the attempt count and a note for the
 * user.
 */
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
    if (isDroppedConnection(e)) {
      // OkHttp says "unexpected end of stream on http://…" with an EOFException about its buffer:
      // client internals.
      return "the connection closed before an answer came (the request may have reached the server)";
    }
    String msg = e.getMessage();
    return e.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
  }

  private static boolean isDroppedConnection(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String msg = t.getMessage() == null ? "" : t.getMessage();
      if (t instanceof EOFException
          || msg.startsWith("unexpected end of stream")
          || msg.equalsIgnoreCase("Connection reset")
          || msg.contains("Broken pipe")) {
        return true;
      }
    }
    return false;
  }
}
