package io.github.cfcontainers.emulator.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How the emulator reaches the registry, the way the Docker daemon treats a registry on a loopback
 * address (an "insecure registry", moby `registry/config.go`: 127.0.0.0/8 is insecure by default):
 * HTTPS first, the certificate not verified, and plain HTTP only when the registry does not speak
 * TLS. With a CA file the certificate (and host name) is verified against it, like
 * `/etc/docker/certs.d/<host>/ca.crt`. Any other host is HTTPS with verification (system trust
 * store, or the CA file).
 */
final class RegistryTransport {
  private final String host;
  private final HttpClient https;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile String scheme = "https";

  RegistryTransport(String host, Path caFile) {
    this.host = host;
    this.https =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .sslContext(sslContext(host, caFile))
            .build();
  }

  String host() {
    return host;
  }

  /** The scheme in use: "https" until the registry answered a TLS hello with plain text. */
  String scheme() {
    return scheme;
  }

  HttpClient client() {
    return "https".equals(scheme) ? https : http;
  }

  /**
   * True when {@code e} says the peer does not speak TLS (it answered the client hello with plain
   * HTTP): then the caller switches to http and retries. A certificate failure is an {@link
   * SSLHandshakeException} and never downgrades.
   */
  boolean fallBackToHttp(IOException e) {
    if (!"https".equals(scheme) || !isLoopback(host)) return false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException) return false;
      if (t instanceof SSLException) {
        scheme = "http";
        return true;
      }
    }
    return false;
  }

  static boolean isLoopback(String hostPort) {
    String h =
        hostPort.startsWith("[")
            ? hostPort.substring(1, hostPort.indexOf(']'))
            : hostPort.contains(":") ? hostPort.substring(0, hostPort.lastIndexOf(':')) : hostPort;
    return h.equals("localhost")
        || h.equals("::1")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  private static SSLContext sslContext(String host, Path caFile) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      if (caFile != null) {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
          int i = 0;
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in))
            ks.setCertificateEntry("ca" + i++, c);
          if (i == 0)
            throw new IllegalArgumentException("no certificate in registry CA file " + caFile);
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        ctx.init(null, tmf.getTrustManagers(), null);
      } else if (isLoopback(host)) {
        ctx.init(null, new TrustManager[] {new Unverified()}, null);
      } else {
        return SSLContext.getDefault();
      }
      return ctx;
    } catch (IOException e) {
      throw new UncheckedIOException("reading registry CA file " + caFile, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("registry TLS setup failed", e);
    }
  }

  /** Accepts any certificate and host name: only for a loopback (insecure) registry. */
  private static final class Unverified extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, Socket s) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {}

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {}

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
