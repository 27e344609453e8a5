// Over 300 lines: one test per rule of the Worker step's plan and apply.
package io.github.cfcontainers.deploy;

import static io.github.cfcontainers.deploy.FakeCloudflare.error;
import static io.github.cfcontainers.deploy.FakeCloudflare.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.cloudflare.CloudflareJson;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespaceBinding;
import io.github.cfcontainers.cloudflare.model.PlainTextBinding;
import io.github.cfcontainers.cloudflare.model.ScriptMetadata;
import io.github.cfcontainers.cloudflare.model.WorkerModule;
import io.github.cfcontainers.common.CfException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerPublisherTest {

  private static final String WORKER = "w";
  private static final LocalDate DATE = LocalDate.of(2026, 1, 15);

  @TempDir Path bundle;

  private FakeCloudflare cloudflare;
  private WorkerPublisher publisher;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(
        bundle.resolve("worker.js"), "export class MyContainer {}\nexport default {};\n");
    Files.writeString(bundle.resolve("worker.js.map"), "{\"version\":3,\"mappings\":\"\"}");
    cloudflare = new FakeCloudflare();
    publisher = new WorkerPublisher(cloudflare.api);
  }

  @AfterEach
  void tearDown() throws IOException {
    cloudflare.close();
  }

  // ------------------------------------------------------------------ nextTag

  @Test
  void nextTagCountsUpFromTheCurrentVersionTag() {
    assertThat(WorkerPublisher.nextTag(Optional.of("v1"))).isEqualTo("v2");
    assertThat(WorkerPublisher.nextTag(Optional.of("v9"))).isEqualTo("v10");
  }

  @Test
  void nextTagOfAWorkerWithoutTagIsV1() {
    assertThat(WorkerPublisher.nextTag(Optional.empty())).isEqualTo("v1");
  }

  @Test
  void nextTagOfAnUnfamiliarTagIsSuffixedSoItStillChanges() {
    assertThat(WorkerPublisher.nextTag(Optional.of("release-2024"))).isEqualTo("release-2024-1");
    assertThat(WorkerPublisher.nextTag(Optional.of("v1-beta"))).isEqualTo("v1-beta-1");
  }

  // ------------------------------------------------------------------ contentHash

  private static ScriptMetadata metadata(String date, String greeting) {
    return ScriptMetadata.builder("worker.js", date)
        .binding(new DurableObjectNamespaceBinding("MY_CONTAINER", "MyContainer"))
        .binding(new PlainTextBinding("GREETING", greeting))
        .build();
  }

  private static List<WorkerModule> modules(String source) {
    return List.of(
        WorkerModule.esModule("worker.js", source),
        WorkerModule.sourceMap("worker.js.map", "{}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void contentHashIsStableForEqualInput() {
    assertThat(
            WorkerPublisher.contentHash(
                metadata("2026-01-15", "hi"), modules("export default {};")))
        .isEqualTo(
            WorkerPublisher.contentHash(
                metadata("2026-01-15", "hi"), modules("export default {};")))
        .matches("[0-9a-f]{32}");
  }

  @Test
  void contentHashChangesWithOneModuleByte() {
    assertThat(
            WorkerPublisher.contentHash(
                metadata("2026-01-15", "hi"), modules("export default {};")))
        .isNotEqualTo(
            WorkerPublisher.contentHash(
                metadata("2026-01-15", "hi"), modules("export default {} ;")));
  }

  @Test
  void contentHashChangesWithABinding() {
    assertThat(WorkerPublisher.contentHash(metadata("2026-01-15", "hi"), modules("x")))
        .isNotEqualTo(WorkerPublisher.contentHash(metadata("2026-01-15", "ho"), modules("x")));
  }

  @Test
  void contentHashChangesWithTheCompatibilityDate() {
    assertThat(WorkerPublisher.contentHash(metadata("2026-01-15", "hi"), modules("x")))
        .isNotEqualTo(WorkerPublisher.contentHash(metadata("2026-01-16", "hi"), modules("x")));
  }

  // ------------------------------------------------------------------ plan

  private static ApplicationSpec container(String className) {
    return TestSpecs.application(
        className,
        WORKER + "-" + className.toLowerCase(Locale.ROOT),
        className.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT),
        "nginx:1",
        20);
  }

  private DeploySettings settings(LocalDate date, Map<String, String> vars, String... classes) {
    return settingsExporting(List.of(classes), date, vars, classes);
  }

  /**
   * The bundle exports {@code exports}; the POM configures a container for each of {@code classes}.
   */
  private DeploySettings settingsExporting(
      List<String> exports, LocalDate date, Map<String, String> vars, String... classes) {
    var containers = new ArrayList<ApplicationSpec>();
    for (String c : classes) {
      containers.add(container(c));
    }
    var build =
        new BuildReport(
            WORKER,
            false,
            new BuildReport.WorkerBundleSummary(bundle.toString(), "worker.js", "0", exports, null),
            List.of());
    return new DeploySettings(
        FakeCloudflare.ACCOUNT,
        "registry.cloudflare.com",
        new WorkerSpec(WORKER, date, List.of(), vars, true, true, List.of(), false),
        containers,
        build,
        bundle,
        false,
        bundle.resolve("out"));
  }

  private static DurableObjectNamespace namespace(
      String script, String className, Boolean containers) {
    return new DurableObjectNamespace(
        "ns-" + className, script + "_" + className, script, className, true, containers);
  }

  private void deployedWithTag(String tag) {
    cloudflare.on(
        "GET",
        "/workers/services/" + WORKER,
        ok(
            "{\"id\":\"w\",\"default_environment\":{\"environment\":"
                + "\"production\",\"script\":{\"id\":\"w\",\"migration_tag\":\""
                + tag
                + "\"}}}"));
  }

  private void settingsTags(String... tags) {
    cloudflare.on(
        "GET",
        "/workers/scripts/" + WORKER + "/settings",
        ok(
            "{\"compatibility_date\":\"2026-01-15\","
                + "\"tags\":["
                + String.join(",", List.of(tags).stream().map(t -> "\"" + t + "\"").toList())
                + "]}"));
  }

  private static JsonNode json(ScriptMetadata metadata) {
    return CloudflareJson.newMapper().valueToTree(metadata);
  }

  @Test
  void newWorkerCreatesItsContainerClassesAsSqliteWithContainerLinks() {
    cloudflare.on(
        "GET", "/workers/services/" + WORKER, error(404, 10090, "This Worker does not exist"));

    var plan = publisher.plan(settings(DATE, Map.of("GREETING", "hi"), "MyContainer"), List.of());

    assertThat(plan.exists()).isFalse();
    assertThat(plan.upload()).isTrue();
    assertThat(plan.newClasses()).containsExactly("MyContainer");
    assertThat(plan.deletedClasses()).isEmpty();
    JsonNode m = json(plan.metadata());
    assertThat(m.path("main_module").asText()).isEqualTo("worker.js");
    assertThat(m.path("compatibility_date").asText()).isEqualTo("2026-01-15");
    assertThat(m.path("migrations").has("old_tag")).as("no old_tag for a new Worker").isFalse();
    assertThat(m.path("migrations").path("new_tag").asText()).isEqualTo("v1");
    assertThat(m.path("migrations").path("steps")).hasSize(1);
    assertThat(m.path("migrations").path("steps").get(0).path("new_sqlite_classes").toString())
        .isEqualTo("[\"MyContainer\"]");
    assertThat(m.path("containers").toString())
        .isEqualTo("[{\"name\":\"w-mycontainer\",\"class_name\":\"MyContainer\"}]");
    assertThat(m.path("bindings").toString())
        .contains(
            "{\"type\":\"durable_object_namespace\",\"name\":\"MY_CONTAINER\",\"class_name\":\"MyContainer\"}")
        .contains("{\"type\":\"plain_text\",\"name\":\"GREETING\",\"text\":\"hi\"}");
    assertThat(m.path("tags").toString())
        .isEqualTo("[\"cf-containers-hash:" + plan.contentHash() + "\"]");
    assertThat(plan.modules())
        .extracting(WorkerModule::name, WorkerModule::contentType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("worker.js", WorkerModule.ES_MODULE),
            org.assertj.core.groups.Tuple.tuple("worker.js.map", WorkerModule.SOURCE_MAP));
    assertThat(cloudflare.calls).extracting(FakeCloudflare.Call::method).containsOnly("GET");
    assertThat(cloudflare.calls)
        .extracting(FakeCloudflare.Call::path)
        .filteredOn(path -> path.endsWith("/workers/services/" + WORKER))
        .as("one read of the service")
        .hasSize(1);
    assertThat(cloudflare.calls)
        .extracting(FakeCloudflare.Call::path)
        .doesNotContain("/workers/scripts/" + WORKER + "/settings");
  }

  @Test
  void existingWorkerGetsNewAndDeletedClassesFromItsCurrentTagAndLeavesOtherClassesAlone() {
    deployedWithTag("v3");
    settingsTags();
    var namespaces =
        List.of(
            namespace(WORKER, "MyContainer", true),
            namespace(WORKER, "OldContainer", true),
            namespace(WORKER, "Counter", null),
            namespace(WORKER, "Session", false),
            namespace("another-worker", "RetiredContainer", true));

    // Counter and Session are the Worker's own (non-container) Durable Objects: still exported, so
    // left alone.
    var plan =
        publisher.plan(
            settingsExporting(
                List.of("MyContainer", "NewContainer", "Counter", "Session"),
                DATE,
                Map.of(),
                "MyContainer",
                "NewContainer"),
            namespaces);

    assertThat(plan.exists()).isTrue();
    assertThat(plan.upload()).isTrue();
    assertThat(plan.newClasses()).containsExactly("NewContainer");
    assertThat(plan.deletedClasses()).containsExactly("OldContainer");
    JsonNode migrations = json(plan.metadata()).path("migrations");
    assertThat(migrations.path("old_tag").asText()).isEqualTo("v3");
    assertThat(migrations.path("new_tag").asText()).isEqualTo("v4");
    assertThat(migrations.path("steps").toString())
        .isEqualTo(
            "[{\"new_sqlite_classes\":[\"NewContainer\"]},{\"deleted_classes\":[\"OldContainer\"]}]");
    assertThat(json(plan.metadata()).path("containers")).hasSize(2);
    assertThat(plan.describe())
        .contains("new classes NewContainer")
        .contains("deleted classes OldContainer");
  }

  /** A namespace as the public schema describes it: {id, name, script, class} and nothing else. */
  private static DurableObjectNamespace schemaNamespace(String className) {
    return new DurableObjectNamespace(
        "ns-" + className, WORKER + "_" + className, WORKER, className, null, null);
  }

  @Test
  void existingClassListedWithoutUseContainersIsNotCreatedAgain() {
    deployedWithTag("v1");
    settingsTags();

    var plan =
        publisher.plan(
            settings(DATE, Map.of(), "MyContainer"), List.of(schemaNamespace("MyContainer")));

    assertThat(plan.newClasses()).isEmpty();
    assertThat(plan.deletedClasses()).isEmpty();
    assertThat(plan.metadata().migrations()).as("no migration for a class that exists").isNull();
    assertThat(json(plan.metadata()).has("migrations")).isFalse();
    assertThat(plan.describe()).isEqualTo("update (code or settings changed)");
  }

  @Test
  void unchangedWorkerListedWithoutUseContainersIsNotUploaded() {
    deployedWithTag("v1");
    settingsTags();
    var first =
        publisher.plan(
            settings(DATE, Map.of(), "MyContainer"), List.of(schemaNamespace("MyContainer")));
    settingsTags("cf-containers-hash:" + first.contentHash());

    var again =
        publisher.plan(
            settings(DATE, Map.of(), "MyContainer"), List.of(schemaNamespace("MyContainer")));

    assertThat(again.upload()).isFalse();
    assertThat(again.describe()).isEqualTo("no change");
  }

  @Test
  void classStillExportedIsNeverDeletedEvenWhenNoLongerConfigured() {
    deployedWithTag("v2");
    settingsTags();
    var namespaces =
        List.of(
            schemaNamespace("MyContainer"),
            schemaNamespace("Retired"),
            namespace(WORKER, "RetiredToo", true));

    var plan =
        publisher.plan(
            settingsExporting(
                List.of("MyContainer", "Retired", "RetiredToo"), DATE, Map.of(), "MyContainer"),
            namespaces);

    assertThat(plan.deletedClasses()).isEmpty();
    assertThat(plan.metadata().migrations()).isNull();
  }

  @Test
  void classNeitherExportedNorConfiguredIsDeletedAndThePlanSaysItsDataGoes() {
    deployedWithTag("v2");
    settingsTags();

    var plan =
        publisher.plan(
            settings(DATE, Map.of(), "MyContainer"),
            List.of(schemaNamespace("MyContainer"), schemaNamespace("Retired")));

    assertThat(plan.deletedClasses()).containsExactly("Retired");
    assertThat(json(plan.metadata()).path("migrations").path("steps").toString())
        .isEqualTo("[{\"deleted_classes\":[\"Retired\"]}]");
    assertThat(plan.describe())
        .isEqualTo(
            "update, deleted classes Retired (DELETES its Durable Object namespace"
                + " and all the data stored in it)");
  }

  @Test
  void renamedClassKeepsItsNamespaceThroughRenamedClasses() {
    deployedWithTag("v2");
    settingsTags();
    var renamed = container("OrderContainer");
    renamed =
        new ApplicationSpec(
            renamed.spec(),
            renamed.binding(),
            renamed.size(),
            renamed.maxInstances(),
            renamed.schedulingPolicy(),
            renamed.constraints(),
            renamed.logs(),
            renamed.rollout(),
            false,
            "MyContainer");
    var base = settings(DATE, Map.of(), "OrderContainer");
    var withRename =
        new DeploySettings(
            base.accountId(),
            base.registryHost(),
            base.worker(),
            List.of(renamed),
            base.build(),
            base.workerBundleDirectory(),
            false,
            base.outputDirectory());

    var plan = publisher.plan(withRename, List.of(namespace(WORKER, "MyContainer", true)));

    assertThat(plan.newClasses()).isEmpty();
    assertThat(plan.deletedClasses()).isEmpty();
    assertThat(plan.renamedClasses()).containsExactly("MyContainer -> OrderContainer");
    assertThat(json(plan.metadata()).path("migrations").path("steps").toString())
        .isEqualTo(
            "[{\"renamed_classes\":[{\"from\":\"MyContainer\",\"to\":\"OrderContainer\"}]}]");
    assertThat(plan.describe()).isEqualTo("update, renamed classes MyContainer -> OrderContainer");

    // Once renamed remotely, the stale <renamedFrom> changes nothing.
    var after = publisher.plan(withRename, List.of(namespace(WORKER, "OrderContainer", true)));
    assertThat(after.renamedClasses()).isEmpty();
    assertThat(after.newClasses()).isEmpty();
  }

  @Test
  void unchangedHashInTheSettingsTagsSkipsTheUpload() {
    deployedWithTag("v2");
    var namespaces = List.of(namespace(WORKER, "MyContainer", true));
    settingsTags("team:payments");
    var first = publisher.plan(settings(DATE, Map.of("GREETING", "hi"), "MyContainer"), namespaces);
    assertThat(first.upload()).as("no hash tag deployed yet").isTrue();

    settingsTags("team:payments", "cf-containers-hash:" + first.contentHash());
    var second =
        publisher.plan(settings(DATE, Map.of("GREETING", "hi"), "MyContainer"), namespaces);

    assertThat(second.contentHash()).isEqualTo(first.contentHash());
    assertThat(second.upload()).isFalse();
    assertThat(second.describe()).isEqualTo("no change");
    assertThat(second.newClasses()).isEmpty();
    assertThat(second.deletedClasses()).isEmpty();
    assertThat(second.metadata().migrations()).as("no pending migration").isNull();
  }

  // ------------------------------------------------------------------ secrets

  private DeploySettings withSecrets(boolean uploadSecrets, WorkerSecret... secrets) {
    var plain = settings(DATE, Map.of("GREETING", "hi"), "MyContainer");
    var w = plain.worker();
    return new DeploySettings(
        plain.accountId(),
        plain.registryHost(),
        new WorkerSpec(
            w.name(),
            w.compatibilityDate(),
            w.compatibilityFlags(),
            w.vars(),
            w.observability(),
            w.workersDev(),
            List.of(secrets),
            uploadSecrets),
        plain.containers(),
        plain.build(),
        plain.workerBundleDirectory(),
        false,
        plain.outputDirectory());
  }

  @Test
  void secretsAreSentAsSecretTextBindingsAndOutOfBandSecretsAreKept() {
    cloudflare.on(
        "GET", "/workers/services/" + WORKER, error(404, 10090, "This Worker does not exist"));
    var plan =
        publisher.plan(withSecrets(false, new WorkerSecret("API_KEY", "env", "v-1")), List.of());

    var bindings = json(plan.metadata()).get("bindings");
    JsonNode secret = null;
    for (JsonNode b : bindings) {
      if ("secret_text".equals(b.path("type").asText())) {
        secret = b;
      }
    }
    assertThat(secret).isNotNull();
    assertThat(secret.path("name").asText()).isEqualTo("API_KEY");
    assertThat(secret.path("text").asText()).isEqualTo("v-1");
    assertThat(json(plan.metadata()).get("keep_bindings").toString()).contains("secret_text");
  }

  @Test
  void aSecretsValueIsNotInTheHashButItsNameIs() {
    deployedWithTag("v2");
    settingsTags();
    var namespaces = List.of(namespace(WORKER, "MyContainer", true));
    var one =
        publisher.plan(
            withSecrets(false, new WorkerSecret("API_KEY", "env", "value-1")), namespaces);
    var other =
        publisher.plan(
            withSecrets(false, new WorkerSecret("API_KEY", "env", "value-2")), namespaces);
    var renamed =
        publisher.plan(withSecrets(false, new WorkerSecret("TOKEN", "env", "value-1")), namespaces);
    var none = publisher.plan(withSecrets(false), namespaces);

    assertThat(other.contentHash()).isEqualTo(one.contentHash());
    assertThat(renamed.contentHash()).isNotEqualTo(one.contentHash());
    assertThat(none.contentHash()).isNotEqualTo(one.contentHash());
  }

  @Test
  void aChangedValueAloneUploadsOnlyWhenAsked() {
    deployedWithTag("v2");
    var namespaces = List.of(namespace(WORKER, "MyContainer", true));
    settingsTags();
    var first =
        publisher.plan(withSecrets(false, new WorkerSecret("API_KEY", "env", "old")), namespaces);
    settingsTags("cf-containers-hash:" + first.contentHash());

    assertThat(
            publisher
                .plan(withSecrets(false, new WorkerSecret("API_KEY", "env", "new")), namespaces)
                .upload())
        .isFalse();
    assertThat(
            publisher
                .plan(withSecrets(true, new WorkerSecret("API_KEY", "env", "new")), namespaces)
                .upload())
        .isTrue();
  }

  @Test
  void aPlanWithoutSecretValuesStillComparesButCannotUpload() {
    cloudflare.on(
        "GET", "/workers/services/" + WORKER, error(404, 10090, "This Worker does not exist"));
    var plan =
        publisher.plan(withSecrets(false, WorkerSecret.withoutValue("API_KEY", "env")), List.of());
    var valued =
        publisher.plan(withSecrets(false, new WorkerSecret("API_KEY", "env", "v")), List.of());

    assertThat(plan.contentHash()).isEqualTo(valued.contentHash());
    assertThatThrownBy(() -> publisher.upload(WORKER, plan))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no value");
  }

  @Test
  void changedVarOrCompatibilityDateChangesTheHashAndNeedsAnUpload() {
    deployedWithTag("v2");
    var namespaces = List.of(namespace(WORKER, "MyContainer", true));
    settingsTags();
    var base = publisher.plan(settings(DATE, Map.of("GREETING", "hi"), "MyContainer"), namespaces);
    settingsTags("cf-containers-hash:" + base.contentHash());

    var otherVar =
        publisher.plan(settings(DATE, Map.of("GREETING", "ho"), "MyContainer"), namespaces);
    var otherDate =
        publisher.plan(
            settings(DATE.plusDays(1), Map.of("GREETING", "hi"), "MyContainer"), namespaces);

    assertThat(otherVar.upload()).isTrue();
    assertThat(otherVar.contentHash()).isNotEqualTo(base.contentHash());
    assertThat(otherDate.upload()).isTrue();
    assertThat(otherDate.contentHash()).isNotEqualTo(base.contentHash());
    assertThat(otherVar.describe()).isEqualTo("update (code or settings changed)");
  }

  @Test
  void changedBundleByteChangesTheHash() throws IOException {
    deployedWithTag("v2");
    var namespaces = List.of(namespace(WORKER, "MyContainer", true));
    settingsTags();
    var before = publisher.plan(settings(DATE, Map.of(), "MyContainer"), namespaces);
    Files.writeString(bundle.resolve("worker.js.map"), "{\"version\":3,\"mappings\":\"A\"}");

    var after = publisher.plan(settings(DATE, Map.of(), "MyContainer"), namespaces);

    assertThat(after.contentHash()).isNotEqualTo(before.contentHash());
  }

  @Test
  void sourceMapIsOptional() throws IOException {
    Files.delete(bundle.resolve("worker.js.map"));
    cloudflare.on(
        "GET", "/workers/services/" + WORKER, error(404, 10090, "This Worker does not exist"));

    var plan = publisher.plan(settings(DATE, Map.of(), "MyContainer"), List.of());

    assertThat(plan.modules()).extracting(WorkerModule::name).containsExactly("worker.js");
  }

  @Test
  void missingBundleIsRefusedWithAHint() throws IOException {
    Files.delete(bundle.resolve("worker.js"));

    assertThatThrownBy(() -> publisher.plan(settings(DATE, Map.of(), "MyContainer"), List.of()))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("No Worker bundle at")
        .hasMessageContaining("mvn package");
  }
}
