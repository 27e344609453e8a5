package io.github.cfcontainers.registry;

import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How the manifest check trusts a registry, the way the Docker daemon does: HTTPS verified against
 * the JDK's CAs (plus a private CA file, if given) for every registry; for an insecure registry -
 * loopback, or one listed as insecure - HTTPS without verifying the certificate, then plain HTTP if
 * it does not speak TLS at all.
 *
 * @param caFile PEM file of extra CA certificates (a private registry's CA), trusted in addition to
 *     the JDK's; or null
 * @param insecureRegistries {@code host[:port]} treated like loopback (the daemon's {@code
 *     insecure-registries})
 */
public record RegistryTls(Path caFile, Set<String> insecureRegistries) {

  /**
   * The XML element and user property that set {@link #caFile} (the mojo's
   * PropertyNames.REGISTRY_CA_FILE).
   */
  public static final Setting CA_FILE_SETTING =
      Setting.of("registryCaFile").withProperty(PropertyNames.REGISTRY_CA_FILE);

  public static final RegistryTls DEFAULT = new RegistryTls(null, Set.of());

  /**
   * 127.0.0.0/8 as an address literal; a host name such as {@code 127.example.com} is not loopback.
   */
  private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

  public RegistryTls {
    insecureRegistries = insecureRegistries == null ? Set.of() : Set.copyOf(insecureRegistries);
  }

  /** The daemon marks registries on 127.0.0.0/8 (and localhost, ::1) insecure by default. */
  public static boolean isLoopback(String registry) {
    String host = host(registry);
    return host.equals("localhost")
        || LOOPBACK_IPV4.matcher(host).matches()
        || host.equals("[::1]");
  }

  static String host(String registry) {
    String r = registry.toLowerCase(Locale.ROOT);
    return r.startsWith("[") ? r.substring(0, r.indexOf(']') + 1) : r.replaceFirst(":\\d+$", "");
  }

  boolean isInsecure(String registry) {
    return isLoopback(registry) || insecureRegistries.contains(registry.toLowerCase(Locale.ROOT));
  }

  /**
   * JDK trust plus {@link #caFile}; hostnames verified. Fails with the setting's name when the file
   * is unusable.
   */
  public SSLContext verifying() {
    try {
      var jdk = trustManager(null);
      X509ExtendedTrustManager trust =
          caFile == null ? jdk : new EitherTrustManager(jdk, trustManager(caKeyStore()));
      var context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new CfException("Cannot set up TLS for the registry check: " + e.getMessage(), e);
    }
  }

  /**
   * Accepts any certificate and any host name. Only for insecure registries, where the Docker
   * daemon does the same: "If HTTPS is available but the certificate is invalid, ignore the error
   * about the certificate. If HTTPS is not available, fall back to HTTP." (Docker docs, "Test an
   * insecure registry", https://docs.docker.com/registry/insecure/; 127.0.0.0/8 is insecure by
   * default: dockerd reference, --insecure-registry.)
   */
  static SSLContext unverified() {
    try {
      var context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustEverything()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new CfException("Cannot set up TLS for the registry check: " + e.getMessage(), e);
    }
  }

  private KeyStore caKeyStore() {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(caFile)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new InvalidSettingException(
          CA_FILE_SETTING,
          "Cannot read the registry CA file "
              + caFile
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage())
              + ".",
          "point it (or CLOUDFLARE_CONTAINER_REGISTRY_CA) at a readable PEM file of the registry's CA certificate(s)");
    } catch (CertificateException e) {
      throw new InvalidSettingException(
          CA_FILE_SETTING,
          "The registry CA file "
              + caFile
              + " holds no readable X.509 certificate ("
              + e.getMessage()
              + ").",
          "point it at a PEM file (-----BEGIN CERTIFICATE-----) of the registry's CA certificate(s)");
    }
    if (certificates.isEmpty()) {
      throw new InvalidSettingException(
          CA_FILE_SETTING,
          "The registry CA file " + caFile + " holds no certificate.",
          "point it at a PEM file (-----BEGIN CERTIFICATE-----) of the registry's CA certificate(s)");
    }
    try {
      var store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : certificates) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new CfException(
          "Cannot load the registry CA file " + caFile + ": " + e.getMessage(), e);
    }
  }

  private static X509ExtendedTrustManager trustManager(KeyStore store)
      throws GeneralSecurityException {
    var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager tm : factory.getTrustManagers()) {
      if (tm instanceof X509ExtendedTrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X509 trust manager");
  }

  /** Trusts what either trusts; both are the JDK's own managers, so host names stay verified. */
  private static final class EitherTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager first;
    private final X509ExtendedTrustManager second;

    EitherTrustManager(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      try {
        first.checkServerTrusted(chain, authType, socket);
      } catch (CertificateException e) {
        second.checkServerTrusted(chain, authType, socket);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      try {
        first.checkServerTrusted(chain, authType, engine);
      } catch (CertificateException e) {
        second.checkServerTrusted(chain, authType, engine);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      try {
        first.checkServerTrusted(chain, authType);
      } catch (CertificateException e) {
        second.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      first.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      first.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      first.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      var all = new ArrayList<X509Certificate>(List.of(first.getAcceptedIssuers()));
      all.addAll(List.of(second.getAcceptedIssuers()));
      return all.toArray(X509Certificate[]::new);
    }
  }

  /** An X509ExtendedTrustManager, so the JDK does not add its own host-name check on top. */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
