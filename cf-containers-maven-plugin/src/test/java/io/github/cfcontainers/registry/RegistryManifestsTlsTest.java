package io.github.cfcontainers.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest check against a loopback HTTPS registry with a self-signed certificate made by the
 * JDK's keytool.
 */
class RegistryManifestsTlsTest {

  private static final String REPOSITORY = "0123456789abcdef0123456789abcdef/w-mycontainer";
  private static final String DIGEST = "sha256:" + "e".repeat(64);
  private static final String STOREPASS = "changeit";

  @TempDir static Path certs;
  private static Path keystore;
  private static Path caPem;
  private static Path otherNameKeystore;

  private HttpsServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void certificates() throws Exception {
    keystore = certs.resolve("registry.p12");
    caPem = certs.resolve("ca.pem");
    genkeypair(keystore, "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
    exportcert(keystore, caPem);
    otherNameKeystore = certs.resolve("other.p12");
    genkeypair(otherNameKeystore, "CN=registry.example.com", "SAN=dns:registry.example.com");
  }

  /** A new EC key pair with a self-signed certificate for that name, valid for two days. */
  private static void genkeypair(Path store, String dname, String subjectAltNames)
      throws Exception {
    keytool(
        "-genkeypair",
        "-alias",
        "registry",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        dname,
        "-ext",
        subjectAltNames,
        "-validity",
        "2",
        "-keystore",
        store.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        STOREPASS,
        "-keypass",
        STOREPASS);
  }

  /** The store's certificate as PEM, to trust as a CA file. */
  private static void exportcert(Path store, Path pem) throws Exception {
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "registry",
        "-keystore",
        store.toString(),
        "-storepass",
        STOREPASS,
        "-file",
        pem.toString());
  }

  private static void keytool(String... args) throws Exception {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  private String start(Path store) throws Exception {
    var ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, STOREPASS.toCharArray());
    }
    var kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, STOREPASS.toCharArray());
    var context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            authorizations.add(
                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().add("Docker-Content-Digest", DIGEST);
            exchange.sendResponseHeaders(200, -1);
          }
        });
    server.start();
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void loopbackHttpsRegistryWithASelfSignedCertificateIsCheckedOverHttpsLikeTheDaemonDoes()
      throws Exception {
    String registry = start(keystore);

    var digest =
        new RegistryManifests()
            .digest(registry, REPOSITORY, "1", new RegistryAuth(registry, "v1", "pw"));

    assertThat(digest).contains(DIGEST);
    assertThat(authorizations).singleElement().satisfies(a -> assertThat(a).startsWith("Basic "));
  }

  @Test
  void loopbackRegistryCertificateForAnotherNameIsStillAcceptedAsInsecure() throws Exception {
    String registry = start(otherNameKeystore);

    assertThat(
            new RegistryManifests()
                .digest(registry, REPOSITORY, "1", new RegistryAuth(registry, "v1", "pw")))
        .contains(DIGEST);
  }

  /**
   * What a registry that is not insecure gets: the verifying context, with and without the CA file.
   */
  private static int viaVerifying(RegistryTls tls, String registry) throws Exception {
    var client = HttpClient.newBuilder().sslContext(tls.verifying()).build();
    return client
        .send(
            HttpRequest.newBuilder(URI.create("https://" + registry + "/v2/")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void caFileIsTrustedInAdditionToTheJdkCertificates() throws Exception {
    String registry = start(keystore);

    assertThat(viaVerifying(new RegistryTls(caPem, Set.of()), registry)).isEqualTo(200);
    assertThatThrownBy(() -> viaVerifying(RegistryTls.DEFAULT, registry))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void caFileDoesNotSwitchOffTheHostNameCheck() throws Exception {
    String registry = start(otherNameKeystore);
    Path otherCa = certs.resolve("other.pem");
    exportcert(otherNameKeystore, otherCa);

    assertThatThrownBy(() -> viaVerifying(new RegistryTls(otherCa, Set.of()), registry))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void unreadableCaFileNamesTheSettingBeforeAnythingIsAsked() throws IOException {
    Path missing = certs.resolve("missing.pem");
    Path garbage = Files.writeString(certs.resolve("garbage.pem"), "not a certificate");

    assertThatThrownBy(() -> new RegistryManifests(new RegistryTls(missing, Set.of())))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(missing.toString())
        .satisfies(
            e ->
                assertThat(((InvalidSettingException) e).setting().path())
                    .containsExactly("registryCaFile"))
        .satisfies(
            e ->
                assertThat(((InvalidSettingException) e).setting().property())
                    .contains("cf.registry.caFile"));
    assertThatThrownBy(() -> new RegistryManifests(new RegistryTls(garbage, Set.of())))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("no readable X.509 certificate");
  }

  @Test
  void caFileSettingIsTheMojosProperty() {
    assertThat(RegistryTls.CA_FILE_SETTING.property()).contains(PropertyNames.REGISTRY_CA_FILE);
  }

  @Test
  void untrustedCertificateOfASecureRegistryPointsAtTheCaFileSetting() throws Exception {
    start(keystore);
    // "localhost" is loopback by name too; a secure registry is needed, so list none as insecure
    // and use the
    // verifying path through a registry name that is not loopback but reaches this server.
    String remote = "[::ffff:127.0.0.1]:" + server.getAddress().getPort();

    assertThatThrownBy(
            () ->
                new RegistryManifests()
                    .digest(remote, REPOSITORY, "1", new RegistryAuth(remote, "v1", "pw")))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("not trusted")
        .hasMessageContaining("<registryCaFile>")
        .hasMessageContaining("-Dcf.registry.caFile");
    assertThat(authorizations).as("no request got through the handshake").isEmpty();
  }
}
