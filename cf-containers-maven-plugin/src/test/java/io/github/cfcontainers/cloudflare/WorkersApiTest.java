// Over 300 lines: one test per Workers endpoint the client calls, each against MockWebServer.
package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.cloudflare.model.ContainerLink;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespaceBinding;
import io.github.cfcontainers.cloudflare.model.GenericBinding;
import io.github.cfcontainers.cloudflare.model.MigrationStep;
import io.github.cfcontainers.cloudflare.model.Migrations;
import io.github.cfcontainers.cloudflare.model.PlainTextBinding;
import io.github.cfcontainers.cloudflare.model.RenamedClass;
import io.github.cfcontainers.cloudflare.model.ScriptMetadata;
import io.github.cfcontainers.cloudflare.model.ScriptSettings;
import io.github.cfcontainers.cloudflare.model.ScriptSubdomain;
import io.github.cfcontainers.cloudflare.model.ScriptSummary;
import io.github.cfcontainers.cloudflare.model.ScriptUploadResult;
import io.github.cfcontainers.cloudflare.model.SecretTextBinding;
import io.github.cfcontainers.cloudflare.model.TransferredClass;
import io.github.cfcontainers.cloudflare.model.WorkerModule;
import io.github.cfcontainers.cloudflare.model.WorkerObservability;
import io.github.cfcontainers.cloudflare.model.WorkerService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class WorkersApiTest extends ApiTestSupport {

  private static final String WORKER_JS =
      "import { Container } from \"@cloudflare/containers\";\n"
          + "export class MyContainer extends Container { defaultPort = 8080; }\n"
          + "export default { fetch() { return new Response(\"héllo\"); } };\n";

  @Test
  void uploadSendsMetadataAndModulePartsByteExact() throws Exception {
    enqueue(
        ok(
            """
        {"id":"my-worker","etag":"e1","deployment_id":"8a2f0c1e-0000-4000-8000-000000000001",
         "migration_tag":"v1","compatibility_date":"2026-11-01","handlers":["fetch"],
         "named_handlers":[{"name":"MyContainer","handlers":["fetch","alarm"]}],
         "created_on":"2026-11-29T21:59:00.000000Z","modified_on":"2026-11-29T22:00:00.000000Z",
         "startup_time_ms":12,"has_modules":true,"usage_model":"standard","unknown_field":{"x":1}}
        """));
    ScriptMetadata metadata =
        ScriptMetadata.builder("worker.js", "2026-11-01")
            .binding(new DurableObjectNamespaceBinding("MY_CONTAINER", "MyContainer"))
            .binding(new PlainTextBinding("GREETING", "hello"))
            .binding(new SecretTextBinding("API_KEY", "s3cr3t"))
            .binding(new GenericBinding("kv_namespace", "CACHE", Map.of("namespace_id", "kv123")))
            .container(new ContainerLink("my-worker-mycontainer", "MyContainer"))
            .migrations(
                Migrations.ofSteps(
                    null, "v1", List.of(MigrationStep.newSqliteClasses("MyContainer"))))
            .observability(WorkerObservability.enabled(true))
            .keepBinding("secret_text")
            .keepBinding("secret_key")
            .tag("cf-containers")
            .tag("hash:abc123")
            .annotation("workers/message", "deployed by cf-containers")
            .build();
    byte[] map = "{\"version\":3}".getBytes(StandardCharsets.UTF_8);

    ScriptUploadResult result =
        api.uploadScript(
            "my-worker",
            metadata,
            List.of(
                WorkerModule.esModule("worker.js", WORKER_JS),
                WorkerModule.sourceMap("worker.js.map", map)));

    assertThat(result.id()).isEqualTo("my-worker");
    assertThat(result.deploymentId()).isEqualTo("8a2f0c1e-0000-4000-8000-000000000001");
    assertThat(result.migrationTag()).isEqualTo("v1");
    assertThat(result.handlers()).containsExactly("fetch");
    assertThat(result.startupTimeMs()).isEqualTo(12);
    assertThat(result.namedHandlers().get(0).get("name").asText()).isEqualTo("MyContainer");

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PUT");
    assertThat(r.getPath()).isEqualTo(A + "/workers/scripts/my-worker");
    String contentType = r.getHeader("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=");
    List<MultipartParser.Part> parts =
        MultipartParser.parse(contentType, r.getBody().readByteArray());
    assertThat(parts).hasSize(3);

    MultipartParser.Part meta = parts.get(0);
    assertThat(meta.headers().get("Content-Disposition")).isEqualTo("form-data; name=\"metadata\"");
    assertThat(meta.headers().get("Content-Type")).isEqualTo("application/json");
    assertJson(
        meta.bodyText(),
        """
        {
          "main_module": "worker.js",
          "compatibility_date": "2026-11-01",
          "bindings": [
          {"type": "durable_object_namespace", "name": "MY_CONTAINER", "class_name": "MyContainer"},
          {"type": "plain_text", "name": "GREETING", "text": "hello"},
          {"type": "secret_text", "name": "API_KEY", "text": "s3cr3t"},
          {"type": "kv_namespace", "name": "CACHE", "namespace_id": "kv123"}
          ],
          "containers": [{"name": "my-worker-mycontainer", "class_name": "MyContainer"}],
          "migrations": {"new_tag": "v1", "steps": [{"new_sqlite_classes": ["MyContainer"]}]},
          "observability": {"enabled": true},
          "keep_bindings": ["secret_text", "secret_key"],
          "tags": ["cf-containers", "hash:abc123"],
          "annotations": {"workers/message": "deployed by cf-containers"}
        }
        """);

    MultipartParser.Part js = parts.get(1);
    assertThat(js.headers().get("Content-Disposition"))
        .isEqualTo("form-data; name=\"worker.js\"; filename=\"worker.js\"");
    assertThat(js.headers().get("Content-Type")).isEqualTo("application/javascript+module");
    assertThat(js.body()).isEqualTo(WORKER_JS.getBytes(StandardCharsets.UTF_8));

    MultipartParser.Part sm = parts.get(2);
    assertThat(sm.headers().get("Content-Disposition"))
        .isEqualTo("form-data; name=\"worker.js.map\"; filename=\"worker.js.map\"");
    assertThat(sm.headers().get("Content-Type")).isEqualTo("application/source-map");
    assertThat(sm.body()).isEqualTo(map);
  }

  @Test
  void flatMigrationsAndContainerLinkWithoutName() throws Exception {
    enqueue(ok("{\"id\":\"w\"}"));
    ScriptMetadata metadata =
        ScriptMetadata.builder("index.js", "2026-11-01")
            .container(ContainerLink.forClass("Box"))
            .migrations(
                Migrations.flat(
                    "v1",
                    "v2",
                    new MigrationStep(
                        null,
                        List.of("Box"),
                        List.of("Old"),
                        List.of(new RenamedClass("A", "B")),
                        List.of(new TransferredClass("C", "other", "D")))))
            .build();
    api.uploadScript(
        "w", metadata, List.of(WorkerModule.esModule("index.js", "export default {}")));
    RecordedRequest r = take();
    List<MultipartParser.Part> parts =
        MultipartParser.parse(r.getHeader("Content-Type"), r.getBody().readByteArray());
    assertJson(
        parts.get(0).bodyText(),
        """
        {"main_module":"index.js","compatibility_date":"2026-11-01",
         "containers":[{"class_name":"Box"}],
         "migrations":{"old_tag":"v1","new_tag":"v2","new_sqlite_classes":["Box"],"deleted_classes":["Old"],
           "renamed_classes":[{"from":"A","to":"B"}],
           "transferred_classes":[{"from":"C","from_script":"other","to":"D"}]}}
        """);
  }

  @Test
  void uploadRejectsInconsistentModulesBeforeSending() {
    ScriptMetadata metadata = ScriptMetadata.builder("missing.js", "2026-11-01").build();
    assertThatThrownBy(
            () -> api.uploadScript("w", metadata, List.of(WorkerModule.esModule("a.js", "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.js");
    assertThatThrownBy(() -> api.uploadScript("w", metadata, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> api.uploadScript("a/b", metadata, List.of(WorkerModule.esModule("a.js", "x"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void serviceGivesMigrationTag() throws Exception {
    enqueue(
        ok(
            """
        {"id":"my-worker","default_environment":{"environment":"production",
          "script":{"id":"my-worker","etag":"e1","migration_tag":"v3","modified_on":"2026-11-29T22:00:00Z"}},
         "created_on":"2026-11-01T00:00:00Z"}
        """));
    assertThat(api.findService("my-worker").map(WorkerService::migrationTag)).contains("v3");
    expect("GET", A + "/workers/services/my-worker", null);
  }

  @Test
  void serviceAbsentOn404AndOnCode10090() throws Exception {
    enqueue(
        error(404, 10090, "workers.api.error.service_not_found"),
        error(400, 10090, "This Worker does not exist on your account."));
    assertThat(api.findService("nope")).isEmpty();
    assertThat(api.findService("nope")).isEmpty();
    expect("GET", A + "/workers/services/nope", null);
  }

  @Test
  void serviceOtherErrorsStillThrow() {
    enqueue(error(403, 10000, "Authentication error"));
    assertThatThrownBy(() -> api.findService("w")).isInstanceOf(CloudflareApiException.class);
  }

  @Test
  void listScripts() throws Exception {
    enqueue(
        ok(
            """
        [{"id":"a","etag":"e","migration_tag":"v1","modified_on":"2026-11-29T22:00:00Z","handlers":["fetch"]},
         {"id":"b","etag":"f","created_on":"2026-11-01T00:00:00Z"}]
        """));
    List<ScriptSummary> scripts = api.listScripts();
    assertThat(scripts).extracting(ScriptSummary::id).containsExactly("a", "b");
    assertThat(scripts.get(0).migrationTag()).isEqualTo("v1");
    assertThat(scripts.get(1).migrationTag()).isNull();
    expect("GET", A + "/workers/scripts", null);
  }

  @Test
  void scriptSettingsReadsTagsAnnotationsAndTypedBindings() throws Exception {
    enqueue(
        ok(
            """
        {"bindings":[
           {"type":"durable_object_namespace","name":"MY_CONTAINER","class_name":"MyContainer",
          "namespace_id":"aaaabbbbccccddddeeeeffff00001111"},
           {"type":"secret_text","name":"API_KEY"},
           {"type":"r2_bucket","name":"FILES","bucket_name":"files"}],
         "compatibility_date":"2026-11-01","compatibility_flags":[],
         "tags":["cf-containers","hash:abc123"],"annotations":{"workers/tag":"x"},
         "observability":{"enabled":true},"logpush":false,"usage_model":"standard"}
        """));
    ScriptSettings settings = api.findScriptSettings("my-worker").orElseThrow();
    assertThat(settings.tags()).containsExactly("cf-containers", "hash:abc123");
    assertThat(settings.annotations()).containsEntry("workers/tag", "x");
    assertThat(settings.observability().enabled()).isTrue();
    assertThat(settings.bindings()).hasSize(3);
    assertThat(settings.bindings().get(0))
        .isEqualTo(
            new DurableObjectNamespaceBinding(
                "MY_CONTAINER", "MyContainer", null, null, "aaaabbbbccccddddeeeeffff00001111"));
    assertThat(settings.bindings().get(1)).isEqualTo(new SecretTextBinding("API_KEY", null));
    assertThat(settings.bindings().get(2))
        .isEqualTo(new GenericBinding("r2_bucket", "FILES", Map.of("bucket_name", "files")));
    expect("GET", A + "/workers/scripts/my-worker/settings", null);
  }

  @Test
  void scriptSettingsAbsentOn404() throws Exception {
    enqueue(error(404, 10007, "This Worker does not exist on your account."));
    assertThat(api.findScriptSettings("gone")).isEmpty();
    expect("GET", A + "/workers/scripts/gone/settings", null);
  }

  @Test
  void deleteScriptForcesAndReportsAbsence() throws Exception {
    enqueue(ok("null"), error(404, 10007, "This Worker does not exist on your account."));
    assertThat(api.deleteScript("my-worker", true)).isTrue();
    assertThat(api.deleteScript("my-worker", true)).isFalse();
    expect("DELETE", A + "/workers/scripts/my-worker?force=true", null);
    expect("DELETE", A + "/workers/scripts/my-worker?force=true", null);
  }

  @Test
  void durableObjectNamespacesAskForAThousandPerPage() throws Exception {
    enqueue(
        json(
            200,
            """
        {"success":true,"errors":[],"messages":[],
         "result":[{"id":"0000aaaa1111bbbb2222cccc3333dddd","name":"my-worker_MyContainer","script":"my-worker",
              "class":"MyContainer","use_sqlite":true,"use_containers":true},
               {"id":"9999","name":"x","script":"other","class":"Thing","use_sqlite":false}],
         "result_info":{"page":1,"per_page":1000,"count":2,"total_count":2}}
        """));
    List<DurableObjectNamespace> all = api.listDurableObjectNamespaces();
    assertThat(all).hasSize(2);
    DurableObjectNamespace ns = all.get(0);
    assertThat(ns.className()).isEqualTo("MyContainer");
    assertThat(ns.useSqlite()).isTrue();
    assertThat(ns.useContainers()).isTrue();
    assertThat(all.get(1).useContainers()).isNull();
    expect("GET", A + "/workers/durable_objects/namespaces?per_page=1000", null);
  }

  @Test
  void durableObjectNamespacesFollowPages() throws Exception {
    enqueue(
        json(
            200,
            """
        {"success":true,"errors":[],"messages":[],"result":[{"id":"1","script":"s","class":"A"}],
         "result_info":{"page":1,"per_page":1000,"count":1,"total_count":2}}
        """),
        json(
            200,
            """
        {"success":true,"errors":[],"messages":[],"result":[{"id":"2","script":"s","class":"B"}],
         "result_info":{"page":2,"per_page":1000,"count":1,"total_count":2}}
        """));
    assertThat(Namespaces.find(api, "s", "B")).map(DurableObjectNamespace::id).contains("2");
    expect("GET", A + "/workers/durable_objects/namespaces?per_page=1000", null);
    expect("GET", A + "/workers/durable_objects/namespaces?per_page=1000&page=2", null);
  }

  @Test
  void accountSubdomain() throws Exception {
    enqueue(ok("{\"subdomain\":\"acme\"}"), error(404, 10007, "workers.api.error.no_subdomain"));
    assertThat(api.findAccountSubdomain()).contains("acme");
    assertThat(api.findAccountSubdomain()).isEmpty();
    expect("GET", A + "/workers/subdomain", null);
    assertThat(CloudflareApi.workersDevUrl("my-worker", "acme"))
        .isEqualTo("https://my-worker.acme.workers.dev");
  }

  @Test
  void scriptSubdomainReadAndEnable() throws Exception {
    enqueue(
        ok("{\"enabled\":false,\"previews_enabled\":true}"),
        ok("{\"enabled\":true,\"previews_enabled\":false}"));
    ScriptSubdomain before = api.getScriptSubdomain("my-worker");
    assertThat(before.enabled()).isFalse();
    assertThat(before.previewsEnabled()).isTrue();
    ScriptSubdomain after = api.enableScriptSubdomain("my-worker");
    assertThat(after.enabled()).isTrue();
    expect("GET", A + "/workers/scripts/my-worker/subdomain", null);
    expect(
        "POST",
        A + "/workers/scripts/my-worker/subdomain",
        "{\"enabled\": true, \"previews_enabled\": false}");
  }
}
