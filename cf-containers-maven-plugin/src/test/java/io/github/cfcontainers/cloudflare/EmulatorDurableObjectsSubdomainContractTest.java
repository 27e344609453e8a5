package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.cloudflare.model.MigrationStep;
import io.github.cfcontainers.cloudflare.model.Migrations;
import io.github.cfcontainers.cloudflare.model.ScriptMetadata;
import io.github.cfcontainers.cloudflare.model.ScriptSubdomain;
import io.github.cfcontainers.cloudflare.model.WorkerModule;
import io.github.cfcontainers.emulator.CloudflareEmulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Durable Object namespaces and workers.dev against the emulator. */
class EmulatorDurableObjectsSubdomainContractTest extends EmulatorContractSupport {

  @Test
  void namespacesListHasScriptClassAndFlags() {
    deployWorker("alpha");
    deployWorker("beta");

    List<DurableObjectNamespace> all = api.listDurableObjectNamespaces();

    assertThat(all)
        .extracting(DurableObjectNamespace::script)
        .containsExactlyInAnyOrder("alpha", "beta");
    assertThat(all)
        .allSatisfy(
            ns -> {
              assertThat(ns.id()).matches("[0-9a-f]{32}");
              assertThat(ns.className()).isEqualTo("MyContainer");
              assertThat(ns.useSqlite()).isTrue();
              assertThat(ns.useContainers()).as("not in the public schema of the list").isNull();
              assertThat(containerEnabled(ns.id())).isTrue();
            });
    JsonNode list = logged("GET", "/workers/durable_objects/namespaces").get(0);
    assertThat(list.path("query").asText()).isEqualTo("per_page=1000");
  }

  @Test
  void namespacesListFollowsPagesOver1000() {
    // 1001 namespaces from one upload, so the client must ask for page 2.
    StringBuilder src =
        new StringBuilder("export default { async fetch() { return new Response(\"x\"); } };\n");
    ScriptMetadata.Builder m = ScriptMetadata.builder("worker.js", "2025-06-01");
    String[] classes = new String[1001];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = "C" + i;
      src.append("export class C").append(i).append(" {}\n");
    }
    m.migrations(Migrations.ofSteps(null, "v1", List.of(MigrationStep.newSqliteClasses(classes))));
    api.uploadScript(
        "many", m.build(), List.of(WorkerModule.esModule("worker.js", src.toString())));

    assertThat(api.listDurableObjectNamespaces()).hasSize(1001);
    assertThat(logged("GET", "/workers/durable_objects/namespaces"))
        .extracting(n -> n.path("query").asText())
        .containsExactly("per_page=1000", "per_page=1000&page=2");
    assertThat(Namespaces.find(api, "many", "C1000")).isPresent();
  }

  @Test
  void findNamespaceIsEmptyForAnUnknownScriptOrClass() {
    deployWorker("alpha");
    assertThat(Namespaces.find(api, "alpha", "Nope")).isEmpty();
    assertThat(Namespaces.find(api, "nobody", "MyContainer")).isEmpty();
  }

  @Test
  void accountSubdomainAndWorkersDevUrl() {
    assertThat(api.findAccountSubdomain()).contains(SUBDOMAIN);
    assertThat(CloudflareApi.workersDevUrl("my-worker", SUBDOMAIN))
        .isEqualTo("https://my-worker.acme.workers.dev");
  }

  @Test
  void scriptSubdomainStartsDisabledAndCanBeEnabled() {
    deployWorker("my-worker");
    assertThat(api.getScriptSubdomain("my-worker").enabled()).isFalse();

    ScriptSubdomain on = api.enableScriptSubdomain("my-worker");

    assertThat(on).isEqualTo(new ScriptSubdomain(true, false));
    assertThat(api.getScriptSubdomain("my-worker")).isEqualTo(new ScriptSubdomain(true, false));
    JsonNode post = logged("POST", "/workers/scripts/my-worker/subdomain").get(0);
    assertThat(parse(post.path("body").asText()))
        .isEqualTo(parse("{\"enabled\":true,\"previews_enabled\":false}"));
    assertThat(api.setScriptSubdomain("my-worker", false, false).enabled()).isFalse();
  }

  @Test
  void scriptSubdomainOfAnAbsentWorkerIsAnError() {
    CloudflareApiException e =
        catchThrowableOfType(() -> api.getScriptSubdomain("nobody"), CloudflareApiException.class);
    assertThat(e.isNotFound()).isTrue();
  }

  @Test
  void withoutAnAccountSubdomainFindIsEmptyAndEnablingFails() throws Exception {
    try (CloudflareEmulator bare = CloudflareEmulator.builder().apiToken(TOKEN).start();
        CloudflareApi c =
            new CloudflareApi(
                CloudflareClientConfig.builder(bare.accountId(), ApiToken.of(TOKEN))
                    .baseUrl(bare.apiBaseUrl().toString())
                    .environment(n -> null)
                    .retryPolicy(FAST)
                    .sleeper(sleeps::add)
                    .build())) {
      assertThat(c.findAccountSubdomain()).isEmpty();
      c.uploadScript("my-worker", firstUpload("my-worker-mycontainer"), List.of(workerModule()));

      CloudflareApiException e =
          catchThrowableOfType(
              () -> c.enableScriptSubdomain("my-worker"), CloudflareApiException.class);

      assertThat(e.hasCode(CloudflareErrorCodes.WORKERS_DEV_SUBDOMAIN_MISSING)).isTrue();
      assertThat(e.getMessage()).contains("no workers.dev subdomain");
    }
  }
}
