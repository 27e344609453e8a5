// Over 300 lines: one test per applications rule, the client against the emulator.
package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.cloudflare.model.ApplicationConstraints;
import io.github.cfcontainers.cloudflare.model.ApplicationCreateRequest;
import io.github.cfcontainers.cloudflare.model.ApplicationPatchRequest;
import io.github.cfcontainers.cloudflare.model.ContainersAccount;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespaceBinding;
import io.github.cfcontainers.cloudflare.model.DurableObjectsRef;
import io.github.cfcontainers.cloudflare.model.InstancesPage;
import io.github.cfcontainers.cloudflare.model.MigrationStep;
import io.github.cfcontainers.cloudflare.model.Migrations;
import io.github.cfcontainers.cloudflare.model.RegistryCredentials;
import io.github.cfcontainers.cloudflare.model.Rollout;
import io.github.cfcontainers.cloudflare.model.RolloutCreateRequest;
import io.github.cfcontainers.cloudflare.model.ScriptMetadata;
import io.github.cfcontainers.deploy.InstanceType;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import io.github.cfcontainers.registry.RegistryTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registry credentials, container applications, rollouts and instances against the emulator backed
 * by the real registry: the image is pushed once per run with credentials minted through the
 * client.
 */
class EmulatorApplicationsContractTest extends EmulatorContractSupport {

  private String image;

  @Override
  CloudflareEmulator.Builder configure(CloudflareEmulator.Builder builder) {
    return withRegistry(builder);
  }

  @BeforeAll
  void pushImage() throws InterruptedException {
    image = pushBusybox("contract-app-" + RUN, "1");
  }

  private String namespaceOf(String script) {
    deployWorker(script);
    return Namespaces.find(api, script, "MyContainer").orElseThrow().id();
  }

  private ApplicationCreateRequest create(String name, String namespaceId, String img) {
    return new ApplicationCreateRequest(
        name,
        "default",
        0,
        3,
        ApplicationConfiguration.ofInstanceType(img, "lite", true),
        new ApplicationConstraints(List.of(1, 2), List.of("ENAM", "WEUR"), null),
        new DurableObjectsRef(namespaceId),
        0);
  }

  // ------------------------------------------------------------------ account and registry

  @Test
  void containersAccountHasTheLimits() {
    ContainersAccount me = api.getContainersAccount();
    assertThat(me.accountId()).isEqualTo(cf.accountId());
    assertThat(me.limits().vcpuPerDeployment()).isEqualTo(4.0);
    assertThat(me.limits().memoryMibPerDeployment()).isEqualTo(12288L);
    assertThat(me.limits().diskMbPerDeployment()).isEqualTo(20000L);
  }

  @Test
  void mintedCredentialsReallyAuthenticateAgainstTheRegistry() throws Exception {
    RegistryCredentials c = api.createPushCredentials(registry(), 15);

    assertThat(c.accountId()).isEqualTo(cf.accountId());
    assertThat(c.registryHost()).isEqualTo(registry());
    assertThat(c.username()).startsWith("v1");
    assertThat(c.toString()).doesNotContain(c.password());
    JsonNode post = logged("POST", "/containers/registries/" + registry() + "/credentials").get(0);
    assertThat(parse(post.path("body").asText()))
        .isEqualTo(parse("{\"expiration_minutes\":15,\"permissions\":[\"push\",\"pull\"]}"));

    assertThat(registryStatus(c.username(), c.password(), true))
        .as("minted credential")
        .isEqualTo(200);
    assertThat(registryStatus(c.username(), c.password() + "x", false))
        .as("wrong password")
        .isEqualTo(401);
  }

  @Test
  void credentialsForAnotherRegistryHostAreRefused() {
    CloudflareApiException e =
        catchThrowableOfType(
            () -> api.createPushCredentials("registry.example.com", 15),
            CloudflareApiException.class);
    assertThat(e.errorName()).isEqualTo("IMAGE_REGISTRY_NOT_CONFIGURED");
  }

  /**
   * {@code GET /v2/} with Basic auth over HTTPS; the registry re-reads htpasswd on change, so allow
   * it a moment.
   */
  private static int registryStatus(String user, String password, boolean waitFor200)
      throws Exception {
    // The test registry speaks TLS with its own CA (as a real one would with a public CA): verify
    // against it.
    var tls = new RegistryTls(Path.of(env("CF_TEST_REGISTRY_CA")), Set.of());
    HttpClient http = HttpClient.newBuilder().sslContext(tls.verifying()).build();
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("https://" + registry() + "/v2/"))
            .header("Authorization", "Basic " + basic)
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    int status = 0;
    for (int i = 0; i < 50; i++) {
      status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status == 200 || !waitFor200) {
        break;
      }
      Thread.sleep(100);
    }
    return status;
  }

  // ------------------------------------------------------------------ applications

  @Test
  void createListFindGetPatchDelete() {
    String ns = namespaceOf("my-worker");

    Application created = api.createApplication(create("my-worker-mycontainer", ns, image));

    assertThat(created.id()).isNotBlank();
    assertThat(created.name()).isEqualTo("my-worker-mycontainer");
    assertThat(created.accountId()).isEqualTo(cf.accountId());
    assertThat(created.instances()).isZero();
    assertThat(created.maxInstances()).isEqualTo(3);
    assertThat(created.namespaceId()).isEqualTo(ns);
    assertThat(created.configuration().image()).isEqualTo(image);
    assertThat(created.configuration().instanceType())
        .as("the API answers the legacy name")
        .isEqualTo("dev");
    assertThat(InstanceType.canonicalName(created.configuration())).isEqualTo("lite");
    assertThat(created.configuration().observability().logs().enabled()).isTrue();
    assertThat(created.constraints().regions()).containsExactly("ENAM", "WEUR");
    assertThat(created.health().instances().active()).isZero();

    assertThat(api.listApplications()).extracting(Application::id).containsExactly(created.id());
    assertThat(api.findApplicationByName("my-worker-mycontainer"))
        .map(Application::id)
        .contains(created.id());
    assertThat(api.findApplicationByName("my-worker")).isEmpty();
    assertThat(logged("GET", "/containers/applications"))
        .extracting(n -> n.path("query").asText())
        .contains("name=my-worker-mycontainer");
    assertThat(api.findApplication(created.id())).contains(created);

    Application patched =
        api.patchApplication(
            created.id(),
            new ApplicationPatchRequest(
                ApplicationConfiguration.ofInstanceType(image, "standard-1", true),
                5,
                null,
                "regional",
                30));
    assertThat(patched.version()).isEqualTo(created.version() + 1);
    assertThat(patched.maxInstances()).isEqualTo(5);
    assertThat(patched.schedulingPolicy()).isEqualTo("regional");
    assertThat(patched.rolloutActiveGracePeriod()).isEqualTo(30);
    assertThat(patched.configuration().instanceType()).isEqualTo("standard");
    assertThat(InstanceType.canonicalName(patched.configuration())).isEqualTo("standard-1");

    assertThat(api.deleteApplication(created.id())).isTrue();
    assertThat(api.findApplication(created.id())).isEmpty();
    assertThat(api.deleteApplication(created.id())).isFalse();
    assertThat(api.listApplications()).isEmpty();
  }

  @Test
  void customSizeRoundTrips() {
    Application a =
        api.createApplication(
            new ApplicationCreateRequest(
                "custom",
                null,
                0,
                1,
                ApplicationConfiguration.custom(image, 1, 4096, 6000, null),
                null,
                new DurableObjectsRef(namespaceOf("my-worker")),
                null));
    assertThat(a.configuration().vcpu()).isEqualTo(1.0);
    assertThat(a.configuration().memoryMib()).isEqualTo(4096);
    assertThat(a.configuration().disk().sizeMb()).isEqualTo(6000);
  }

  @Test
  void deletingTheWorkerLeavesItsApplication() {
    Application a =
        api.createApplication(create("my-worker-mycontainer", namespaceOf("my-worker"), image));
    assertThat(api.deleteScript("my-worker", true)).isTrue();
    assertThat(api.findApplication(a.id()))
        .as("reference §3.3: applications outlive the Worker")
        .isPresent();
  }

  @Test
  void duplicateNameIsApplicationAlreadyExists() {
    Application a = api.createApplication(create("dup", namespaceOf("one"), image));
    CloudflareApiException e =
        catchThrowableOfType(
            () -> api.createApplication(create("dup", namespaceOf("two"), image)),
            CloudflareApiException.class);
    assertThat(e.httpStatus()).isEqualTo(409);
    assertThat(e.errorName()).isEqualTo("APPLICATION_ALREADY_EXISTS");
    assertThat(e.detail().orElseThrow().details()).containsEntry("id", a.id());
  }

  // ------------------------------------------------------------------ containers API errors

  @Test
  void durableObjectAlreadyHasApplication() {
    String ns = namespaceOf("my-worker");
    Application first = api.createApplication(create("first", ns, image));

    CloudflareApiException e =
        catchThrowableOfType(
            () -> api.createApplication(create("second", ns, image)), CloudflareApiException.class);

    assertThat(e.httpStatus()).isEqualTo(409);
    assertThat(e.codes()).containsExactly(1000);
    assertThat(e.errorName()).isEqualTo("DURABLE_OBJECT_ALREADY_HAS_APPLICATION");
    assertThat(e.hasErrorName("DURABLE_OBJECT_ALREADY_HAS_APPLICATION")).isTrue();
    assertThat(e.detail().orElseThrow().details())
        .containsEntry("name", "first")
        .containsEntry("id", first.id());
    assertThat(e.getMessage())
        .contains("DURABLE_OBJECT_ALREADY_HAS_APPLICATION (name: first, id: " + first.id())
        .contains("Hint: another container application already serves");
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void durableObjectNotFound() {
    String missing = "00000000000000000000000000000000";
    CloudflareApiException e =
        catchThrowableOfType(
            () -> api.createApplication(create("app", missing, image)),
            CloudflareApiException.class);
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.errorName()).isEqualTo("DURABLE_OBJECT_NOT_FOUND");
    assertThat(e.detail().orElseThrow().details()).containsEntry("namespace_id", missing);
  }

  @Test
  void durableObjectNotContainerEnabled() {
    // The class is created without the `containers` entry: its namespace can never run a container.
    ScriptMetadata noContainers =
        ScriptMetadata.builder("worker.js", "2025-06-01")
            .binding(new DurableObjectNamespaceBinding("MY_CONTAINER", "MyContainer"))
            .migrations(
                Migrations.ofSteps(
                    null, "v1", List.of(MigrationStep.newSqliteClasses("MyContainer"))))
            .build();
    api.uploadScript("plain-worker", noContainers, List.of(workerModule()));
    DurableObjectNamespace ns = Namespaces.find(api, "plain-worker", "MyContainer").orElseThrow();
    assertThat(containerEnabled(ns.id())).isFalse();

    CloudflareApiException e =
        catchThrowableOfType(
            () -> api.createApplication(create("app", ns.id(), image)),
            CloudflareApiException.class);

    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errorName()).isEqualTo("DURABLE_OBJECT_NOT_CONTAINER_ENABLED");
    assertThat(e.detail().orElseThrow().details())
        .containsEntry("namespace_id", ns.id())
        .containsEntry("class", "MyContainer");
    assertThat(e.getMessage()).contains("cannot be converted");
  }

  @Test
  void imageMissingFromTheRegistry() {
    String absent = registry() + "/" + cf.accountId() + "/never-pushed-" + RUN + ":1";
    CloudflareApiException e =
        catchThrowableOfType(
            () -> api.createApplication(create("app", namespaceOf("my-worker"), absent)),
            CloudflareApiException.class);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errorName()).isEqualTo("IMAGE_REGISTRY_DOESNT_CONTAIN_IMAGE");
    assertThat(e.detail().orElseThrow().details()).containsEntry("image", absent);
    assertThat(e.getMessage()).contains("push the image first");
  }

  @Test
  void imageOutsideTheAccountIsValidateInput() {
    String foreign = registry() + "/ffffffffffffffffffffffffffffffff/app:1";
    CloudflareApiException e =
        catchThrowableOfType(
            () -> api.createApplication(create("app", namespaceOf("my-worker"), foreign)),
            CloudflareApiException.class);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errorName()).isEqualTo("VALIDATE_INPUT");
    assertThat(e.detail().orElseThrow().details()).containsKey("configuration.image");
  }

  @Test
  void oversizedCustomInstanceIsSurpassedBaseLimits() {
    CloudflareApiException e =
        catchThrowableOfType(
            () ->
                api.createApplication(
                    new ApplicationCreateRequest(
                        "big",
                        null,
                        0,
                        1,
                        ApplicationConfiguration.custom(image, 8, 24576, 20000, null),
                        null,
                        new DurableObjectsRef(namespaceOf("my-worker")),
                        null)),
            CloudflareApiException.class);
    assertThat(e.errorName()).isEqualTo("SURPASSED_BASE_LIMITS");
    assertThat(e.getMessage()).contains("/containers/me");
  }

  // ------------------------------------------------------------------ rollouts and instances

  @Test
  void rolloutCreateListGet() {
    Application a =
        api.createApplication(create("my-worker-mycontainer", namespaceOf("my-worker"), image));
    ApplicationConfiguration target = ApplicationConfiguration.ofInstanceType(image, "basic", true);

    Rollout r = api.createRollout(a.id(), RolloutCreateRequest.rolling("bigger", 25, target));

    assertThat(r.id()).isNotBlank();
    assertThat(r.description()).isEqualTo("bigger");
    assertThat(r.strategy()).isEqualTo("rolling");
    assertThat(r.kind()).isEqualTo("full_auto");
    assertThat(r.status()).isEqualTo("completed");
    assertThat(r.isFinished()).isTrue();
    assertThat(r.progress().totalSteps()).isEqualTo(4);
    assertThat(api.listRollouts(a.id())).extracting(Rollout::id).containsExactly(r.id());
    assertThat(api.getRollout(a.id(), r.id()).status()).isEqualTo("completed");
    Application after = api.findApplication(a.id()).orElseThrow();
    assertThat(after.activeRolloutId()).isEqualTo(r.id());
    assertThat(after.configuration().instanceType()).isEqualTo("basic");
    // the log keeps the first 300 characters of a body
    assertThat(logged("POST", "/applications/" + a.id() + "/rollouts").get(0).path("body").asText())
        .startsWith(
            "{\"description\":\"bigger\",\"strategy\":\"rolling\",\"kind\":\"full_auto\","
                + "\"step_percentage\":25,\"target_configuration\":{\"image\":\""
                + image
                + "\",\"instance_type\":\"basic\"");
  }

  @Test
  void rolloutProgressIsReadUntilFinished() throws Exception {
    try (CloudflareEmulator slow =
            withRegistry(CloudflareEmulator.builder().apiToken(TOKEN))
                .rolloutStepDelay(Duration.ofMillis(300))
                .start();
        CloudflareApi c =
            new CloudflareApi(
                CloudflareClientConfig.builder(slow.accountId(), ApiToken.of(TOKEN))
                    .baseUrl(slow.apiBaseUrl().toString())
                    .environment(n -> null)
                    .retryPolicy(FAST)
                    .sleeper(sleeps::add)
                    .build())) {
      c.uploadScript("my-worker", firstUpload("my-worker-mycontainer"), List.of(workerModule()));
      String ns = Namespaces.find(c, "my-worker", "MyContainer").orElseThrow().id();
      Application a = c.createApplication(create("app", ns, image));

      Rollout r =
          c.createRollout(
              a.id(),
              RolloutCreateRequest.rolling(
                  "slow", 50, ApplicationConfiguration.ofInstanceType(image, "basic", true)));

      assertThat(r.status()).isIn("pending", "progressing");
      assertThat(r.isFinished()).isFalse();
      assertThat(r.progress().totalSteps()).isEqualTo(2);
      Rollout now = r;
      for (int i = 0; i < 50 && !now.isFinished(); i++) {
        Thread.sleep(50);
        now = c.getRollout(a.id(), r.id());
      }
      assertThat(now.status()).isEqualTo("completed");
      assertThat(now.progress().currentStep()).isEqualTo(2);
    }
  }

  @Test
  void rolloutWithExplicitSteps() {
    Application a = api.createApplication(create("app", namespaceOf("my-worker"), image));
    Rollout r =
        api.createRollout(
            a.id(),
            new RolloutCreateRequest(
                "steps",
                "rolling",
                "full_auto",
                null,
                List.of(
                    RolloutCreateRequest.Step.percentage(10, "canary"),
                    RolloutCreateRequest.Step.percentage(100, "all")),
                ApplicationConfiguration.ofInstanceType(image, "lite", false)));
    assertThat(r.progress().totalSteps()).isEqualTo(2);
    assertThat(r.steps()).hasSize(2);
  }

  @Test
  void invalidRolloutStepIsValidateInput() {
    Application a = api.createApplication(create("app", namespaceOf("my-worker"), image));
    CloudflareApiException e =
        catchThrowableOfType(
            () ->
                api.createRollout(
                    a.id(),
                    RolloutCreateRequest.rolling(
                        "odd", 30, ApplicationConfiguration.ofInstanceType(image, "lite", true))),
            CloudflareApiException.class);
    assertThat(e.errorName()).isEqualTo("VALIDATE_INPUT");
    assertThat(e.detail().orElseThrow().details()).containsKey("step_percentage");
  }

  @Test
  void unknownRolloutIsNotFound() {
    Application a = api.createApplication(create("app", namespaceOf("my-worker"), image));
    CloudflareApiException e =
        catchThrowableOfType(() -> api.getRollout(a.id(), "nope"), CloudflareApiException.class);
    assertThat(e.isNotFound()).isTrue();
  }

  @Test
  void instancesOfAnApplicationWithoutRunningContainers() {
    Application a = api.createApplication(create("app", namespaceOf("my-worker"), image));
    InstancesPage page = api.listInstancesPage(a.id(), null);
    assertThat(page.instances()).isEmpty();
    assertThat(page.nextPageToken()).isNull();
    assertThat(api.listInstances(a.id())).isEmpty();
    assertThat(logged("GET", "/applications/" + a.id() + "/instances-v2")).hasSize(2);
  }
}
