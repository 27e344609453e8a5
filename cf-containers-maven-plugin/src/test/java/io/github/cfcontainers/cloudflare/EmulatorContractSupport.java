// Over 300 lines: the one harness the contract tests share (emulator, admin API, registry).
package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.github.cfcontainers.cloudflare.model.ContainerLink;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespaceBinding;
import io.github.cfcontainers.cloudflare.model.MigrationStep;
import io.github.cfcontainers.cloudflare.model.Migrations;
import io.github.cfcontainers.cloudflare.model.RegistryCredentials;
import io.github.cfcontainers.cloudflare.model.ScriptMetadata;
import io.github.cfcontainers.cloudflare.model.ScriptUploadResult;
import io.github.cfcontainers.cloudflare.model.WorkerModule;
import io.github.cfcontainers.cloudflare.model.WorkerObservability;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import io.github.cfcontainers.testground.TestGroundEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The client against the REAL emulator (not a mock): one emulator per test class, reset before each
 * test, a client with a fast retry policy whose sleeps are recorded instead of slept, and the
 * emulator's admin side (request log, faults) to prove what went over the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulatorContractSupport {

  static final String TOKEN = "contract-token-full";
  static final String LIMITED_TOKEN = "contract-token-workers-only";
  static final String SUBDOMAIN = "acme";

  /** Each run gets its own repository names: the registry is shared and outlives the emulator. */
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  /** Four attempts; the waits are recorded by {@link #sleeps}, never slept. */
  static final RetryPolicy FAST =
      new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(30));

  static final String WORKER_JS =
      """
      import { DurableObject } from "cloudflare:workers";
      export class MyContainer extends DurableObject { async fetch(req) { return new Response("hi"); } }
      export class Second extends DurableObject { async fetch(req) { return new Response("two"); } }
      export class Plain extends DurableObject { async fetch(req) { return new Response("plain"); } }
      export default { async fetch(request, env) { return new Response("worker"); } };
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient admin =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  CloudflareEmulator cf;
  CloudflareApi api;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final List<ApiCallEvent> events = new CopyOnWriteArrayList<>();
  private final List<CloudflareApi> extraClients = new ArrayList<>();

  /** Override to configure the emulator further (registry, subdomain …). */
  CloudflareEmulator.Builder configure(CloudflareEmulator.Builder builder) {
    return builder;
  }

  @BeforeAll
  void startEmulator() throws IOException {
    cf =
        configure(
                CloudflareEmulator.builder()
                    .apiToken(TOKEN)
                    .tokenWithoutContainers(LIMITED_TOKEN)
                    .workersDevSubdomain(SUBDOMAIN)
                    .runContainers(false))
            .start();
  }

  @AfterAll
  void stopEmulator() {
    if (cf != null) {
      cf.close();
    }
  }

  @BeforeEach
  void freshClient() {
    cf.reset();
    sleeps.clear();
    events.clear();
    api = client(TOKEN);
  }

  @AfterEach
  void closeClients() {
    extraClients.forEach(CloudflareApi::close); // api is one of them
    extraClients.clear();
  }

  /** A client for this emulator with {@code token}, the fast policy and the recording sleeper. */
  CloudflareApi client(String token) {
    return client(token, FAST);
  }

  CloudflareApi client(String token, RetryPolicy policy) {
    CloudflareApi c = new CloudflareApi(config(token, policy).build());
    extraClients.add(c);
    return c;
  }

  CloudflareClientConfig.Builder config(String token, RetryPolicy policy) {
    return CloudflareClientConfig.builder(cf.accountId(), ApiToken.of(token))
        .baseUrl(cf.apiBaseUrl().toString())
        .environment(name -> null)
        .retryPolicy(policy)
        .sleeper(sleeps::add)
        .random(() -> 0.5)
        .listener(events::add)
        .readTimeout(Duration.ofSeconds(20));
  }

  // ------------------------------------------------------------------ test ground

  /** The test ground's coordinates; absent ones FAIL the test, they never skip it. */
  static String env(String name) {
    return TestGroundEmulator.env(name);
  }

  static String registry() {
    return env("CF_TEST_REGISTRY");
  }

  static CloudflareEmulator.Builder withRegistry(CloudflareEmulator.Builder b) {
    return TestGroundEmulator.withRegistry(b);
  }

  /**
   * Pushes the test ground's busybox to {@code <registry>/<account>/<name>:<tag>} with credentials
   * minted through the client (as a deploy does), removes the local tag again (the engine is
   * shared) and answers the digest-pinned reference.
   */
  String pushBusybox(String name, String tag) throws InterruptedException {
    RegistryCredentials creds = client(TOKEN).createPushCredentials(registry(), 15);
    String repository = registry() + "/" + cf.accountId() + "/" + name;
    DefaultDockerClientConfig cfg = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    try (DockerClient docker =
        DockerClientImpl.getInstance(
            cfg,
            new ApacheDockerHttpClient.Builder()
                .dockerHost(cfg.getDockerHost())
                .sslConfig(cfg.getSSLConfig())
                .build())) {
      docker.tagImageCmd(env("CF_TEST_BUSYBOX_IMAGE"), repository, tag).exec();
      try {
        AtomicReference<String> digest = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        AuthConfig auth =
            new AuthConfig()
                .withUsername(creds.username())
                .withPassword(creds.password())
                .withRegistryAddress(registry());
        boolean done =
            docker
                .pushImageCmd(repository)
                .withTag(tag)
                .withAuthConfig(auth)
                .exec(
                    new ResultCallback.Adapter<PushResponseItem>() {
                      @Override
                      public void onNext(PushResponseItem item) {
                        if (item.isErrorIndicated()) {
                          error.set(
                              item.getErrorDetail() != null
                                  ? item.getErrorDetail().getMessage()
                                  : item.getError());
                        }
                        if (item.getAux() != null && item.getAux().getDigest() != null) {
                          digest.set(item.getAux().getDigest());
                        }
                      }
                    })
                .awaitCompletion(2, TimeUnit.MINUTES);
        if (!done || error.get() != null || digest.get() == null) {
          throw new AssertionError(
              "push of "
                  + repository
                  + ":"
                  + tag
                  + " failed: "
                  + (done ? error.get() : "timed out"));
        }
        return repository + "@" + digest.get();
      } finally {
        docker.removeImageCmd(repository + ":" + tag).withForce(false).withNoPrune(true).exec();
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  // ------------------------------------------------------------------ worker fixtures

  static WorkerModule workerModule() {
    return WorkerModule.esModule("worker.js", WORKER_JS);
  }

  /**
   * The first upload of a container Worker: SQLite class, DO binding, {@code containers} link, tag
   * v1.
   */
  /**
   * A first upload of a Worker with the one container class MyContainer, bound as MY_CONTAINER and
   * linked so: its namespace is created by the v1 migration.
   */
  static ScriptMetadata.Builder myContainerUpload(ContainerLink link) {
    return ScriptMetadata.builder("worker.js", "2025-06-01")
        .binding(new DurableObjectNamespaceBinding("MY_CONTAINER", "MyContainer"))
        .container(link)
        .migrations(
            Migrations.ofSteps(null, "v1", List.of(MigrationStep.newSqliteClasses("MyContainer"))));
  }

  static ScriptMetadata firstUpload(String appName, String... tags) {
    ScriptMetadata.Builder b =
        myContainerUpload(new ContainerLink(appName, "MyContainer"))
            .observability(WorkerObservability.enabled(true));
    for (String t : tags) {
      b.tag(t);
    }
    return b.build();
  }

  ScriptUploadResult deployWorker(String script) {
    return api.uploadScript(script, firstUpload(script + "-mycontainer"), List.of(workerModule()));
  }

  // ------------------------------------------------------------------ admin side

  /** {@code GET {adminUrl}/requests}, API requests only (the admin side is not logged). */
  JsonNode requests() {
    return adminCall("GET", "/requests", null);
  }

  void clearRequests() {
    adminCall("DELETE", "/requests", null);
  }

  /** The logged API requests whose method matches and whose path ends with {@code pathSuffix}. */
  List<JsonNode> logged(String method, String pathSuffix) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : requests()) {
      if (r.path("method").asText().equals(method)
          && r.path("path").asText().endsWith(pathSuffix)) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Waits until {@code n} matching requests are logged: a request the client gave up on (read
   * timeout) is still being served, and its late log line must not land in the next test's log.
   */
  List<JsonNode> awaitLogged(String method, String pathSuffix, int n) throws InterruptedException {
    List<JsonNode> entries = logged(method, pathSuffix);
    for (int i = 0; i < 100 && entries.size() < n; i++) {
      Thread.sleep(50);
      entries = logged(method, pathSuffix);
    }
    return entries;
  }

  static List<Integer> statuses(List<JsonNode> entries) {
    return entries.stream().map(e -> e.path("status").asInt()).toList();
  }

  /** {@code POST {adminUrl}/faults} with a fault spec as JSON. */
  void fault(String specJson) {
    adminCall("POST", "/faults", specJson);
  }

  /**
   * Whether the emulator made the namespace container-enabled: its admin state says, the public
   * list does not.
   */
  boolean containerEnabled(String namespaceId) {
    for (JsonNode ns : state().path("namespaces")) {
      if (namespaceId.equals(ns.path("id").asText())) {
        return ns.path("use_containers").asBoolean();
      }
    }
    throw new AssertionError("no namespace " + namespaceId + " in the emulator's state");
  }

  JsonNode state() {
    return adminCall("GET", "/state", null);
  }

  JsonNode adminCall(String method, String path, String body) {
    return TestGroundEmulator.admin(cf, method, path, body);
  }

  /**
   * A raw API call without the client (for what the client cannot send, e.g. no Authorization at
   * all).
   */
  HttpResponse<String> raw(String method, String relativePath, String authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(cf.apiBaseUrl() + relativePath))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    try {
      return admin.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
