package io.github.cfcontainers.emulator.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.EmulatorHarness;
import io.github.cfcontainers.emulator.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Over 300 lines: one test per upload rule of API.md §1.1, all on the same harness.
class ScriptUploadTest extends EmulatorHarness {

  @Test
  void firstDeployAnswersTheDocumentedFieldsAndCreatesAContainerEnabledSqliteNamespace() {
    Api.Reply r = api.upload("shop", Fixtures.metadata("shop-mycontainer"), Fixtures.WORKER);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode res = r.result();
    for (String f :
        new String[] {
          "id",
          "etag",
          "deployment_id",
          "migration_tag",
          "compatibility_date",
          "handlers",
          "created_on",
          "modified_on",
          "startup_time_ms"
        }) {
      assertThat(res.has(f)).as(f).isTrue();
    }
    assertThat(res.path("migration_tag").asText()).isEqualTo("v1");
    assertThat(res.path("handlers").toString()).contains("fetch");

    JsonNode ns =
        api.get("/accounts/{a}/workers/durable_objects/namespaces?per_page=1000").result();
    assertThat(ns).hasSize(1);
    assertThat(ns.get(0).path("script").asText()).isEqualTo("shop");
    assertThat(ns.get(0).path("class").asText()).isEqualTo("MyContainer");
    assertThat(ns.get(0).path("use_sqlite").asBoolean()).isTrue();
    // The public schema is {id, name, script, class, use_sqlite}: container-enabled shows only in
    // the admin state.
    assertThat(Api.fieldNames(ns.get(0)))
        .containsExactlyInAnyOrder("id", "name", "script", "class", "use_sqlite");
    assertThat(adminNamespaces().get(0).path("use_containers").asBoolean()).isTrue();

    JsonNode version =
        api.get("/accounts/{a}/workers/scripts/shop/versions/" + res.path("deployment_id").asText())
            .result();
    JsonNode binding = version.path("resources").path("bindings").get(0);
    assertThat(binding.path("class_name").asText()).isEqualTo("MyContainer");
    assertThat(binding.path("namespace_id").asText()).isEqualTo(ns.get(0).path("id").asText());
  }

  @Test
  void mainModuleMustNameAnUploadedPart() {
    Api.Reply r =
        api.upload(
            "s",
            Fixtures.metadata("a")
                .replace("\"main_module\":\"worker.js\"", "\"main_module\":\"index.js\""),
            Fixtures.WORKER);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo(10021);
    assertThat(r.message()).contains("index.js");
  }

  @Test
  void mainModuleMustBeAnEsModulePart() {
    Api.Reply r =
        api.upload(
            "s",
            Fixtures.metadata("a"),
            Api.module("worker.js", "application/javascript", Fixtures.WORKER));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo(10021);
    assertThat(r.message()).contains("application/javascript+module");
  }

  @Test
  void modulePartFilenameMustEqualItsName() {
    Map<String, String[]> modules =
        Api.module("worker.js", "application/javascript+module", Fixtures.WORKER);
    modules.get("worker.js")[2] = "other.js";
    Api.Reply r = api.upload("s", Fixtures.metadata("a"), modules);
    assertThat(r.code()).isEqualTo(10021);
  }

  @Test
  void compatibilityDateMustBeYyyyMmDd() {
    Api.Reply r =
        api.upload(
            "s", Fixtures.metadata("a").replace("2025-06-01", "2025/06/01"), Fixtures.WORKER);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo(10021);
    assertThat(r.message()).contains("compatibility_date");
    assertThat(
            api.upload(
                    "s",
                    Fixtures.metadata("a").replace("2025-06-01", "2025-02-30"),
                    Fixtures.WORKER)
                .code())
        .isEqualTo(10021);
    assertThat(
            api.upload(
                    "s",
                    Fixtures.metadata("a").replace("2025-06-01", "2999-01-01"),
                    Fixtures.WORKER)
                .code())
        .isEqualTo(10021);
  }

  @Test
  void durableObjectClassMustBeExportedByTheMainModule() {
    String notExported =
        Fixtures.WORKER.replace(
            "export { MyContainer, worker_default as default };", "export default worker_default;");
    Api.Reply r = api.upload("s", Fixtures.metadata("a"), notExported);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo(10021);
    assertThat(r.message()).contains("MyContainer").contains("not exported");
  }

  @Test
  void exportScanAcceptsDeclarationAndAliasForms() {
    String declared = "export class MyContainer {}\nexport default { fetch() {} };";
    assertThat(api.upload("s1", Fixtures.metadata("a"), declared).status()).isEqualTo(200);
    String aliased =
        "class Impl {}\nconst w = { fetch() {} };\nexport { Impl as MyContainer, w as default };";
    assertThat(api.upload("s2", Fixtures.metadata("b"), aliased).status()).isEqualTo(200);
  }

  @Test
  void migrationOldTagMustEqualTheCurrentTag() {
    assertThat(api.upload("s", Fixtures.metadata("a"), Fixtures.WORKER).status()).isEqualTo(200);
    // Re-sending the applied migration (no old_tag) is 10079.
    Api.Reply again = api.upload("s", Fixtures.metadata("a"), Fixtures.WORKER);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.code()).isEqualTo(10079);
    // A wrong old_tag is 10079 too.
    String wrong =
        """
        {"main_module":"worker.js","compatibility_date":"2025-06-01",
         "bindings":[{"type":"durable_object_namespace","name":"MY_CONTAINER","class_name":"MyContainer"}],
         "migrations":{"old_tag":"v0","new_tag":"v2","new_sqlite_classes":["Other"]}}""";
    assertThat(api.upload("s", wrong, Fixtures.WORKER).code()).isEqualTo(10079);
    // Without migrations the upload keeps the tag.
    String plain =
        """
        {"main_module":"worker.js","compatibility_date":"2025-06-01",
         "bindings":[{"type":"durable_object_namespace","name":"MY_CONTAINER","class_name":"MyContainer"}],
         "containers":[{"name":"a","class_name":"MyContainer"}]}""";
    Api.Reply ok = api.upload("s", plain, Fixtures.WORKER);
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.result().path("migration_tag").asText()).isEqualTo("v1");
  }

  @Test
  void flatMigrationFormRenamesAndDeletesClasses() {
    String src = "export class A {}\nexport class B {}\nexport default { fetch() {} };";
    String create =
        """
        {"main_module":"worker.js","compatibility_date":"2025-06-01",
         "migrations":{"new_tag":"v1","new_classes":["A"],"new_sqlite_classes":["B"]}}""";
    assertThat(api.upload("s", create, src).status()).isEqualTo(200);
    JsonNode ns = api.get("/accounts/{a}/workers/durable_objects/namespaces").result();
    assertThat(ns).hasSize(2);
    String idOfB = ns.get(1).path("id").asText();
    assertThat(ns.get(0).path("use_sqlite").asBoolean()).isFalse();

    String src2 = "export class C {}\nexport default { fetch() {} };";
    String change =
        """
        {"main_module":"worker.js","compatibility_date":"2025-06-01",
         "migrations":{"old_tag":"v1","new_tag":"v2","steps":[{"deleted_classes":["A"]},{"renamed_classes":[{"from":"B","to":"C"}]}]}}""";
    Api.Reply r = api.upload("s", change, src2);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    ns = api.get("/accounts/{a}/workers/durable_objects/namespaces").result();
    assertThat(ns).hasSize(1);
    assertThat(ns.get(0).path("class").asText()).isEqualTo("C");
    assertThat(ns.get(0).path("id").asText()).isEqualTo(idOfB);
  }

  @Test
  void containersEntryNeedsASqliteClass() {
    String kv = Fixtures.metadata("a").replace("new_sqlite_classes", "new_classes");
    Api.Reply r = api.upload("s", kv, Fixtures.WORKER);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo(10021);
    assertThat(r.message()).contains("SQLite");
  }

  @Test
  void containersEntryMustComeWithTheUploadThatCreatesTheClass() {
    assertThat(api.upload("s", Fixtures.WITHOUT_CONTAINERS, Fixtures.WORKER).status())
        .isEqualTo(200);
    String later =
        """
        {"main_module":"worker.js","compatibility_date":"2025-06-01",
         "bindings":[{"type":"durable_object_namespace","name":"MY_CONTAINER","class_name":"MyContainer"}],
         "containers":[{"name":"s-mycontainer","class_name":"MyContainer"}]}""";
    Api.Reply r = api.upload("s", later, Fixtures.WORKER);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo(10021);
    assertThat(r.message()).contains("existing");
    assertThat(adminNamespaces().get(0).path("use_containers").asBoolean()).isFalse();
  }

  @Test
  void containersEntryForAnUnknownClassIsRefused() {
    String meta =
        Fixtures.metadata("a")
            .replace("\"class_name\":\"MyContainer\"}]", "\"class_name\":\"Nope\"}]");
    assertThat(api.upload("s", meta, Fixtures.WORKER).code()).isEqualTo(10021);
  }

  @Test
  void bindingToAClassWithoutMigrationIsRefused() {
    String meta =
        """
        {"main_module":"worker.js","compatibility_date":"2025-06-01",
         "bindings":[{"type":"durable_object_namespace","name":"MY_CONTAINER","class_name":"MyContainer"}]}""";
    Api.Reply r = api.upload("s", meta, Fixtures.WORKER);
    assertThat(r.code()).isEqualTo(10021);
    assertThat(r.message()).contains("migration");
  }

  @Test
  void servicesSettingsAndListAnswerFromState() {
    Api.Reply missing = api.get("/accounts/{a}/workers/services/shop");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo(10090);
    deployWorker("shop");
    assertThat(
            api.get("/accounts/{a}/workers/services/shop")
                .result()
                .path("default_environment")
                .path("script")
                .path("migration_tag")
                .asText())
        .isEqualTo("v1");
    JsonNode list = api.get("/accounts/{a}/workers/scripts").result();
    assertThat(list.get(0).path("id").asText()).isEqualTo("shop");
    assertThat(list.get(0).path("migration_tag").asText()).isEqualTo("v1");
    JsonNode settings = api.get("/accounts/{a}/workers/scripts/shop/settings").result();
    assertThat(settings.path("tags").get(0).asText()).isEqualTo("cf-containers:hash=abc");
    assertThat(settings.path("bindings").get(0).path("name").asText()).isEqualTo("MY_CONTAINER");
    assertThat(settings.path("compatibility_date").asText()).isEqualTo("2025-06-01");
    assertThat(api.get("/accounts/{a}/workers/scripts/nope/settings").status()).isEqualTo(404);
  }

  @Test
  void keepBindingsKeepsSecretsTheUploadDoesNotNameAgain() {
    String secret = ",{\"type\":\"secret_text\",\"name\":\"API_KEY\",\"text\":\"s3cr3t\"}]";
    String first = Fixtures.metadata("shop-mycontainer").replaceFirst("\\}\\]", "}" + secret);
    assertThat(api.upload("shop", first, Fixtures.WORKER).status()).isEqualTo(200);
    String noMigration =
        Fixtures.metadata("shop-mycontainer")
            .replace(
                "\"migrations\":{\"new_tag\":\"v1\",\"steps\":[{\"new_sqlite_classes\":[\"MyContainer\"]}]},",
                "");
    String kept = noMigration.replace("\"tags\"", "\"keep_bindings\":[\"secret_text\"],\"tags\"");
    assertThat(api.upload("shop", kept, Fixtures.WORKER).status()).isEqualTo(200);
    JsonNode bindings =
        api.get("/accounts/{a}/workers/scripts/shop/settings").result().path("bindings");
    assertThat(bindings.toString()).contains("API_KEY").doesNotContain("s3cr3t");
    assertThat(api.upload("shop", noMigration, Fixtures.WORKER).status()).isEqualTo(200);
    assertThat(
            api.get("/accounts/{a}/workers/scripts/shop/settings")
                .result()
                .path("bindings")
                .toString())
        .doesNotContain("API_KEY");
  }

  @Test
  void unknownVersionIs404With100146() {
    deployWorker("shop");
    Api.Reply r =
        api.get("/accounts/{a}/workers/scripts/shop/versions/00000000-0000-0000-0000-000000000000");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.code()).isEqualTo(100146);
  }

  @Test
  void namespacesListPagesBy20ByDefault() {
    StringBuilder src = new StringBuilder();
    StringBuilder classes = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      src.append("export class C").append(i).append(" {}\n");
      classes.append(i == 0 ? "" : ",").append("\"C").append(i).append('"');
    }
    src.append("export default { fetch() {} };");
    String meta =
        "{\"main_module\":\"worker.js\",\"compatibility_date\":\"2025-06-01\",\"migrations\":{\"new_tag\":\"v1\",\"new_sqlite_classes\":["
            + classes
            + "]}}";
    assertThat(api.upload("many", meta, src.toString()).status()).isEqualTo(200);
    Api.Reply page1 = api.get("/accounts/{a}/workers/durable_objects/namespaces");
    assertThat(page1.result()).hasSize(20);
    assertThat(page1.body().path("result_info").path("total_count").asInt()).isEqualTo(25);
    assertThat(api.get("/accounts/{a}/workers/durable_objects/namespaces?per_page=1000").result())
        .hasSize(25);
  }

  @Test
  void subdomainsAnswerFromConfigurationAndState() {
    assertThat(api.get("/accounts/{a}/workers/subdomain").result().path("subdomain").asText())
        .isEqualTo("acme");
    deployWorker("shop");
    assertThat(
            api.get("/accounts/{a}/workers/scripts/shop/subdomain")
                .result()
                .path("enabled")
                .asBoolean())
        .isFalse();
    Api.Reply on =
        api.post(
            "/accounts/{a}/workers/scripts/shop/subdomain",
            "{\"enabled\":true,\"previews_enabled\":false}");
    assertThat(on.status()).isEqualTo(200);
    assertThat(
            api.get("/accounts/{a}/workers/scripts/shop/subdomain")
                .result()
                .path("enabled")
                .asBoolean())
        .isTrue();
  }

  // Deleting without force: WorkersLifecycleTest (only OTHER Workers' bindings stop it, per the
  // public schema).

  private JsonNode adminNamespaces() {
    return new Api(emulator.adminUrl(), emulator.accountId(), null)
        .get("/state")
        .body()
        .path("namespaces");
  }
}
