package io.github.cfcontainers.emulator.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.emulator.RegistryHarness;
import io.github.cfcontainers.emulator.TestGround;
import io.github.cfcontainers.emulator.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The emulator reaches the registry as the Docker daemon reaches a loopback one: https first, http
 * only without TLS.
 */
class RegistryTlsTest extends RegistryHarness {
  private RegistryClient client(Path ca) {
    return new RegistryClient(
        TestGround.registry(),
        TestGround.env("CF_TEST_REGISTRY_USER"),
        TestGround.env("CF_TEST_REGISTRY_PASSWORD"),
        ca);
  }

  @Test
  void httpsVerifiedAgainstTheConfiguredCa() {
    RegistryClient c = client(Path.of(TestGround.env("CF_TEST_REGISTRY_CA")));
    RegistryClient.ImageInfo info = c.inspect(ImageReference.parse(image));
    assertThat(info).isNotNull();
    assertThat(info.architecture()).isEqualTo("amd64");
    assertThat(c.scheme()).isEqualTo("https");
  }

  @Test
  void httpsUnverifiedOnLoopbackWithoutCa() {
    RegistryClient c = client(null);
    assertThat(c.inspect(ImageReference.parse(image))).isNotNull();
    assertThat(c.scheme()).isEqualTo("https");
  }

  @Test
  void aWrongCaIsAnErrorNeverADowngrade() throws Exception {
    Path other = Files.createTempFile("cf-emu-ca", ".pem");
    try {
      // A self-signed CA that did not sign the registry's certificate: the JDK's own test-free way
      // to get one is to take the registry's certificate chain's issuer from another file; we use
      // the system's first trusted root instead (any CA but ours).
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      try (var in =
          Files.newInputStream(
              Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
        ks.load(in, null);
      }
      String alias = ks.aliases().nextElement();
      byte[] der = ks.getCertificate(alias).getEncoded();
      Files.writeString(
          other,
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(der)
              + "\n-----END CERTIFICATE-----\n");
      RegistryClient c = client(other);
      assertThatThrownBy(() -> c.inspect(ImageReference.parse(image)))
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("IMAGE_REGISTRY_RETURNED_ERROR");
      assertThat(c.scheme()).isEqualTo("https");
    } finally {
      Files.deleteIfExists(other);
    }
  }

  /**
   * A plain-HTTP registry answers a TLS client hello as Go's net/http does (the CNCF registry is
   * Go): `HTTP/1.0 400 Bad Request` in plain text. Then, and only then, the emulator speaks http.
   */
  @Test
  void plainHttpWhenTheRegistryDoesNotSpeakTls() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread t =
          new Thread(
              () -> {
                while (!plain.isClosed()) {
                  try (Socket s = plain.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    int first = in.read();
                    if (first == 0x16) {
                      out.write(
                          "HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n"
                              .getBytes(StandardCharsets.US_ASCII));
                    } else {
                      StringBuilder head = new StringBuilder().append((char) first);
                      while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
                      out.write(
                          "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                              .getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                  } catch (IOException e) {
                    // closed
                  }
                }
              });
      t.setDaemon(true);
      t.start();
      String host = "127.0.0.1:" + plain.getLocalPort();
      RegistryClient c = new RegistryClient(host, null, null, null);
      assertThat(c.inspect(ImageReference.parse(host + "/acct/none:1"))).isNull();
      assertThat(c.scheme()).isEqualTo("http");
    }
  }
}
