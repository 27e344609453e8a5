package io.github.cfcontainers.registry;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import javax.net.ssl.SSLException;

/**
 * Plain words for why a registry could not be reached. The JDK client's exceptions often carry a
 * null message ("null: ConnectException: ClosedChannelException" is what a refused connection
 * looked like), so the cause chain is named instead.
 */
final class RegistryFailures {

  private RegistryFailures() {}

  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException) {
        return "the connection timed out";
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer in time";
      }
      if (isUntrustedCertificate(t)) {
        return "its TLS certificate is not trusted";
      }
      if (t instanceof ConnectException || t instanceof ClosedChannelException) {
        return "the connection was refused or closed (nothing listening?)";
      }
    }
    var parts = new LinkedHashSet<String>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String msg = t.getMessage();
      parts.add(msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg);
    }
    for (Throwable s : e.getSuppressed()) {
      parts.add("before that: " + describe(s));
    }
    return String.join(": ", new ArrayList<>(parts));
  }

  static boolean isUntrustedCertificate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertPathValidatorException
          || t instanceof CertificateException
          || (t instanceof SSLException
              && t.getMessage() != null
              && t.getMessage().contains("PKIX"))) {
        return true;
      }
    }
    return false;
  }
}
