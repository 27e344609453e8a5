package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.cloudflare.model.ContainerLink;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespaceBinding;
import io.github.cfcontainers.cloudflare.model.MigrationStep;
import io.github.cfcontainers.cloudflare.model.Migrations;
import io.github.cfcontainers.cloudflare.model.PlainTextBinding;
import io.github.cfcontainers.cloudflare.model.ScriptMetadata;
import io.github.cfcontainers.cloudflare.model.ScriptSettings;
import io.github.cfcontainers.cloudflare.model.ScriptSummary;
import io.github.cfcontainers.cloudflare.model.ScriptUploadResult;
import io.github.cfcontainers.cloudflare.model.SecretTextBinding;
import io.github.cfcontainers.cloudflare.model.WorkerBinding;
import io.github.cfcontainers.cloudflare.model.WorkerObservability;
import io.github.cfcontainers.cloudflare.model.WorkerService;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Workers scripts against the emulator: upload, migration tags, list, settings, versions, delete.
 */
class EmulatorWorkersContractTest extends EmulatorContractSupport {

  @Test
  void firstUploadCreatesAContainerEnabledSqliteNamespace() {
    ScriptUploadResult r =
        api.uploadScript(
            "my-worker",
            firstUpload("my-worker-mycontainer", "cf-containers", "hash:abc"),
            List.of(workerModule()));

    assertThat(r.id()).isEqualTo("my-worker");
    assertThat(r.migrationTag()).isEqualTo("v1");
    assertThat(r.deploymentId()).as("deployment_id is the version id").isNotBlank();
    assertThat(r.etag()).isNotBlank();
    assertThat(r.compatibilityDate()).isEqualTo("2025-06-01");
    assertThat(r.handlers()).contains("fetch");

    DurableObjectNamespace ns = Namespaces.find(api, "my-worker", "MyContainer").orElseThrow();
    assertThat(ns.useSqlite()).isTrue();
    assertThat(ns.useContainers()).as("not in the public schema of the list").isNull();
    assertThat(containerEnabled(ns.id())).isTrue();

    // The multipart went over as the emulator (strictly) expects: metadata + one exactly typed
    // module part.
    JsonNode put = logged("PUT", "/workers/scripts/my-worker").get(0);
    assertThat(put.path("status").asInt()).isEqualTo(200);
    assertThat(put.path("body").asText())
        .contains("metadata(application/json")
        .contains("worker.js(application/javascript+module,");
  }

  @Test
  void secondUploadWithCurrentOldTagAppliesOnlyThePendingStep() {
    deployWorker("my-worker");
    String firstNamespace = Namespaces.find(api, "my-worker", "MyContainer").orElseThrow().id();

    ScriptMetadata second =
        ScriptMetadata.builder("worker.js", "2025-06-01")
            .binding(new DurableObjectNamespaceBinding("MY_CONTAINER", "MyContainer"))
            .binding(new DurableObjectNamespaceBinding("SECOND", "Second"))
            .container(new ContainerLink("my-worker-mycontainer", "MyContainer")) // re-sent: fine
            .container(new ContainerLink("my-worker-second", "Second"))
            .migrations(
                Migrations.ofSteps("v1", "v2", List.of(MigrationStep.newSqliteClasses("Second"))))
            .build();
    ScriptUploadResult r = api.uploadScript("my-worker", second, List.of(workerModule()));

    assertThat(r.migrationTag()).isEqualTo("v2");
    assertThat(api.findService("my-worker").map(WorkerService::migrationTag)).contains("v2");
    assertThat(Namespaces.find(api, "my-worker", "MyContainer").orElseThrow().id())
        .as("the existing class keeps its namespace")
        .isEqualTo(firstNamespace);
    assertThat(containerEnabled(Namespaces.find(api, "my-worker", "Second").orElseThrow().id()))
        .isTrue();
  }

  @Test
  void flatMigrationFormIsAcceptedToo() {
    ScriptMetadata flat =
        ScriptMetadata.builder("worker.js", "2025-06-01")
            .binding(new DurableObjectNamespaceBinding("MY_CONTAINER", "MyContainer"))
            .container(ContainerLink.forClass("MyContainer"))
            .migrations(Migrations.flat(null, "v1", MigrationStep.newSqliteClasses("MyContainer")))
            .build();
    assertThat(api.uploadScript("flat-worker", flat, List.of(workerModule())).migrationTag())
        .isEqualTo("v1");
  }

  @Test
  void wrongOldTagIs10079AndChangesNothing() {
    deployWorker("my-worker");
    ScriptMetadata stale =
        ScriptMetadata.builder("worker.js", "2025-06-01")
            .binding(new DurableObjectNamespaceBinding("MY_CONTAINER", "MyContainer"))
            .migrations(
                Migrations.ofSteps("v0", "v2", List.of(MigrationStep.newSqliteClasses("Second"))))
            .build();

    CloudflareApiException e =
        catchThrowableOfType(
            () -> api.uploadScript("my-worker", stale, List.of(workerModule())),
            CloudflareApiException.class);

    assertThat(e.hasCode(CloudflareErrorCodes.MIGRATION_TAG_MISMATCH)).isTrue();
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.kind()).isEqualTo(CloudflareApiException.Kind.API_ERROR);
    assertThat(e.attempts()).as("a 400 is never retried").isEqualTo(1);
    assertThat(e.getMessage()).contains("[code 10079]").contains("Hint: the migration old_tag");
    assertThat(api.findService("my-worker").map(WorkerService::migrationTag)).contains("v1");
    assertThat(logged("PUT", "/workers/scripts/my-worker")).hasSize(2);
  }

  @Test
  void resendingTheAppliedMigrationIs10079() {
    deployWorker("my-worker");
    assertThatThrownBy(() -> deployWorker("my-worker"))
        .isInstanceOfSatisfying(
            CloudflareApiException.class,
            e -> assertThat(e.hasCode(CloudflareErrorCodes.MIGRATION_TAG_MISMATCH)).isTrue());
  }

  @Test
  void containersEntryForANonSqliteClassIsAValidationError() {
    ScriptMetadata kv =
        ScriptMetadata.builder("worker.js", "2025-06-01")
            .binding(new DurableObjectNamespaceBinding("PLAIN", "Plain"))
            .container(ContainerLink.forClass("Plain"))
            .migrations(
                Migrations.ofSteps(
                    null,
                    "v1",
                    List.of(new MigrationStep(List.of("Plain"), null, null, null, null))))
            .build();
    assertThatThrownBy(() -> api.uploadScript("kv-worker", kv, List.of(workerModule())))
        .isInstanceOfSatisfying(
            CloudflareApiException.class,
            e -> {
              assertThat(e.hasCode(CloudflareErrorCodes.WORKER_VALIDATION_FAILED)).isTrue();
              assertThat(e.getMessage()).contains("SQLite");
            });
  }

  @Test
  void findServiceAndMigrationTagAreEmptyForAnAbsentWorker() {
    assertThat(api.findService("nobody")).isEmpty();
    assertThat(api.findService("nobody").map(WorkerService::migrationTag)).isEmpty();
    assertThat(api.findScriptSettings("nobody")).isEmpty();
    assertThat(statuses(logged("GET", "/workers/services/nobody")))
        .as("one 404 per call, not retried")
        .containsExactly(404, 404);
  }

  @Test
  void findServiceReadsTheDefaultEnvironmentsMigrationTag() {
    deployWorker("my-worker");
    WorkerService s = api.findService("my-worker").orElseThrow();
    assertThat(s.id()).isEqualTo("my-worker");
    assertThat(s.defaultEnvironment().environment()).isEqualTo("production");
    assertThat(s.migrationTag()).isEqualTo("v1");
  }

  @Test
  void listScriptsShowsEveryUploadedWorkerWithItsTag() {
    assertThat(api.listScripts()).isEmpty();
    deployWorker("alpha");
    deployWorker("beta");
    List<ScriptSummary> scripts = api.listScripts();
    assertThat(scripts).extracting(ScriptSummary::id).containsExactlyInAnyOrder("alpha", "beta");
    assertThat(scripts).extracting(ScriptSummary::migrationTag).containsOnly("v1");
  }

  @Test
  void settingsRoundTripTagsAnnotationsBindingsAndObservability() {
    ScriptMetadata m =
        myContainerUpload(ContainerLink.forClass("MyContainer"))
            .binding(new PlainTextBinding("GREETING", "hello"))
            .binding(new SecretTextBinding("API_KEY", "s3cr3t"))
            .observability(WorkerObservability.enabled(true))
            .tag("cf-containers")
            .tag("cf-containers:hash=0123abcd")
            .annotation("workers/message", "deployed by cf-containers")
            .build();
    api.uploadScript("my-worker", m, List.of(workerModule()));

    ScriptSettings s = api.findScriptSettings("my-worker").orElseThrow();
    assertThat(s.tags()).containsExactly("cf-containers", "cf-containers:hash=0123abcd");
    assertThat(s.annotations()).containsEntry("workers/message", "deployed by cf-containers");
    assertThat(s.compatibilityDate()).isEqualTo("2025-06-01");
    assertThat(s.observability().enabled()).isTrue();
    assertThat(s.bindings())
        .extracting(WorkerBinding::name)
        .containsExactly("MY_CONTAINER", "GREETING", "API_KEY");
    assertThat(s.bindings().get(0))
        .isInstanceOfSatisfying(
            DurableObjectNamespaceBinding.class, b -> assertThat(b.namespaceId()).isNotBlank());
    assertThat(s.bindings().get(1)).isEqualTo(new PlainTextBinding("GREETING", "hello"));
    assertThat(s.bindings().get(2))
        .isInstanceOfSatisfying(
            SecretTextBinding.class,
            b -> assertThat(b.text()).as("secrets are write-only").isNull());
  }

  @Test
  void keepBindingsKeepsASecretSetEarlier() {
    ScriptMetadata first =
        myContainerUpload(ContainerLink.forClass("MyContainer"))
            .binding(new SecretTextBinding("API_KEY", "s3cr3t"))
            .build();
    api.uploadScript("my-worker", first, List.of(workerModule()));
    ScriptMetadata redeploy =
        ScriptMetadata.builder("worker.js", "2025-06-01")
            .binding(new DurableObjectNamespaceBinding("MY_CONTAINER", "MyContainer"))
            .keepBinding("secret_text")
            .keepBinding("secret_key")
            .build();

    api.uploadScript("my-worker", redeploy, List.of(workerModule()));

    assertThat(api.findScriptSettings("my-worker").orElseThrow().bindings())
        .extracting(WorkerBinding::name)
        .containsExactly("MY_CONTAINER", "API_KEY");
  }

  @Test
  void deleteScriptForcesAndAnswersFalseWhenAbsent() {
    deployWorker("my-worker");
    assertThat(api.deleteScript("my-worker", true)).isTrue();
    assertThat(api.findService("my-worker")).isEmpty();
    assertThat(Namespaces.find(api, "my-worker", "MyContainer")).isEmpty();
    assertThat(api.deleteScript("my-worker", true)).isFalse();

    List<JsonNode> deletes = logged("DELETE", "/workers/scripts/my-worker");
    assertThat(deletes).extracting(n -> n.path("query").asText()).containsOnly("force=true");
    assertThat(statuses(deletes)).containsExactly(200, 404);
  }
}
