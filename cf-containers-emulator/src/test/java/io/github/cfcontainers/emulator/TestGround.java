package io.github.cfcontainers.emulator;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The real registry and Docker engine from scripts/test-ground.sh. Missing coordinates fail the
 * test loudly: these tests must never be skipped silently.
 */
public final class TestGround {
  public static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final List<String> LOCAL_TAGS = new ArrayList<>();
  private static DockerClient docker;
  private static HttpClient registryHttp;

  private TestGround() {}

  public static String env(String name) {
    String v = System.getenv(name);
    if (v == null || v.isEmpty()) {
      throw new AssertionError(
          name
              + " is not set: run `source \"$(bash scripts/test-ground.sh)\"` "
              + "before the build, so the registry/Docker-backed tests can reach the real test ground");
    }
    return v;
  }

  public static String registry() {
    return env("CF_TEST_REGISTRY");
  }

  /** An HTTP client that trusts the test registry's CA (the registry speaks TLS). */
  public static synchronized HttpClient registryHttp() throws Exception {
    if (registryHttp == null) {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      try (InputStream in = Files.newInputStream(Path.of(env("CF_TEST_REGISTRY_CA")))) {
        ks.setCertificateEntry(
            "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      registryHttp = HttpClient.newBuilder().sslContext(ctx).build();
    }
    return registryHttp;
  }

  public static CloudflareEmulator.Builder withRegistry(CloudflareEmulator.Builder b) {
    return b.registry(registry())
        .registryAdmin(env("CF_TEST_REGISTRY_USER"), env("CF_TEST_REGISTRY_PASSWORD"))
        .registryHtpasswd(Path.of(env("CF_TEST_REGISTRY_HTPASSWD")))
        .registryCa(Path.of(env("CF_TEST_REGISTRY_CA")));
  }

  public static synchronized DockerClient docker() {
    if (docker == null) {
      DefaultDockerClientConfig cfg =
          DefaultDockerClientConfig.createDefaultConfigBuilder().build();
      docker =
          DockerClientImpl.getInstance(
              cfg,
              new ApacheDockerHttpClient.Builder()
                  .dockerHost(cfg.getDockerHost())
                  .sslConfig(cfg.getSSLConfig())
                  .build());
      Runtime.getRuntime().addShutdownHook(new Thread(TestGround::removeLocalTags));
    }
    return docker;
  }

  /**
   * Pushes a local image to `<registry>/<account>/<repo>:<tag>` with a registry credential minted
   * by the emulator (as a deploy does), and answers the digest-pinned reference.
   */
  public static String push(Api api, String localImage, String repo) throws Exception {
    Api.Reply cred =
        api.post(
            "/accounts/{a}/containers/registries/" + registry() + "/credentials",
            "{\"expiration_minutes\":15,\"permissions\":[\"push\",\"pull\"]}");
    if (cred.status() != 200) throw new AssertionError("minting failed: " + cred);
    String repository = registry() + "/" + api.account + "/" + repo;
    String digest =
        push(
            localImage,
            repository,
            registry(),
            cred.result().path("username").asText(),
            cred.result().path("password").asText());
    return repository + "@" + digest;
  }

  /**
   * Tags a local image as {@code repository:RUN} (the tag is removed when the tests end) and pushes
   * it to {@code registryHost} with these credentials; answers the digest.
   */
  public static String push(
      String localImage, String repository, String registryHost, String username, String password)
      throws InterruptedException {
    String tag = RUN;
    docker().tagImageCmd(localImage, repository, tag).exec();
    synchronized (LOCAL_TAGS) {
      LOCAL_TAGS.add(repository + ":" + tag);
    }
    AuthConfig auth =
        new AuthConfig()
            .withUsername(username)
            .withPassword(password)
            .withRegistryAddress(registryHost);
    String[] digest = new String[1];
    docker()
        .pushImageCmd(repository)
        .withTag(tag)
        .withAuthConfig(auth)
        .exec(
            new ResultCallback.Adapter<PushResponseItem>() {
              @Override
              public void onNext(PushResponseItem item) {
                if (item.isErrorIndicated())
                  onError(new AssertionError("push failed: " + item.getErrorDetail().getMessage()));
                if (item.getAux() != null && item.getAux().getDigest() != null)
                  digest[0] = item.getAux().getDigest();
              }
            })
        .awaitCompletion(3, TimeUnit.MINUTES);
    if (digest[0] == null)
      throw new AssertionError("push of " + repository + ":" + tag + " gave no digest");
    return digest[0];
  }

  /** Builds a local image from a Dockerfile without context (no COPY); answers its unique tag. */
  public static String build(String dockerfile) throws IOException, InterruptedException {
    String tag = "cf-emu-test/img-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
    Path file = Files.createTempFile("cf-emu", ".Dockerfile");
    Files.writeString(file, dockerfile);
    Process p =
        new ProcessBuilder("docker", "build", "-q", "-t", tag, "-")
            .redirectInput(file.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) throw new AssertionError("docker build failed: " + out);
    Files.delete(file);
    synchronized (LOCAL_TAGS) {
      LOCAL_TAGS.add(tag);
    }
    return tag;
  }

  private static void removeLocalTags() {
    synchronized (LOCAL_TAGS) {
      for (String t : LOCAL_TAGS) {
        try {
          docker.removeImageCmd(t).withForce(false).exec();
        } catch (RuntimeException ignored) {
          // in use or gone: leave it
        }
      }
    }
  }
}
