package io.github.cfcontainers.emulator.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.EmulatorHarness;
import io.github.cfcontainers.emulator.Fixtures;
import org.junit.jupiter.api.Test;

/** The Workers routes wrangler calls around an upload and on delete (sources in API.md). */
class WorkersLifecycleTest extends EmulatorHarness {
  private static final String S = "/accounts/{a}/workers/scripts/";

  @Test
  void absentWorkerIs10007OnDeploymentsSecretsReferencesAndWorker() {
    for (String p :
        new String[] {
          S + "nope/deployments",
          S + "nope/secrets",
          S + "nope/references",
          "/accounts/{a}/workers/workers/nope"
        }) {
      Api.Reply r = api.get(p);
      assertThat(r.status()).as(p).isEqualTo(404);
      assertThat(r.code()).as(p).isEqualTo(10007);
    }
    // The admin request log carries the error code of error answers.
    JsonNode log = new Api(emulator.adminUrl(), emulator.accountId(), null).get("/requests").body();
    assertThat(log.get(log.size() - 1).path("error").path("code").asInt()).isEqualTo(10007);
  }

  @Test
  void everyUploadIsTheLatestDeploymentAt100Percent() {
    deployWorker("shop");
    String second =
        api.upload(
                "shop",
                Fixtures.metadata("shop-mycontainer")
                    .replace(
                        "\"migrations\":{\"new_tag\":\"v1\",\"steps\":[{\"new_sqlite_classes\":[\"MyContainer\"]}]},",
                        ""),
                Fixtures.WORKER)
            .result()
            .path("deployment_id")
            .asText();
    JsonNode d = api.get(S + "shop/deployments").result().path("deployments");
    assertThat(d).hasSize(2);
    assertThat(d.get(0).path("versions").get(0).path("version_id").asText()).isEqualTo(second);
    assertThat(d.get(0).path("versions").get(0).path("percentage").asDouble()).isEqualTo(100.0);
    assertThat(d.get(0).path("strategy").asText()).isEqualTo("percentage");
  }

  @Test
  void secretsWorkerTailsAndKvAnswerTheirShapes() {
    deployWorker("shop");
    assertThat(api.get(S + "shop/secrets").result().isArray()).isTrue();
    JsonNode w = api.get("/accounts/{a}/workers/workers/shop").result();
    assertThat(w.path("name").asText()).isEqualTo("shop");
    assertThat(w.path("subdomain").path("enabled").asBoolean()).isFalse();
    api.post(S + "shop/subdomain", "{\"enabled\":true}");
    assertThat(
            api.get("/accounts/{a}/workers/workers/shop")
                .result()
                .path("subdomain")
                .path("enabled")
                .asBoolean())
        .isTrue();
    assertThat(api.get("/accounts/{a}/workers/tails/by-consumer/shop").result()).isEmpty();
    Api.Reply kv =
        api.get(
            "/accounts/{a}/storage/kv/namespaces?per_page=100&order=title&direction=asc&page=1");
    assertThat(kv.status()).isEqualTo(200);
    assertThat(kv.result()).isEmpty();
  }

  /** delete.ts filters `ref.service !== scriptName`: the script's own binding is listed. */
  @Test
  void referencesListTheScriptsOwnDurableObjectBinding() {
    String ns = deployWorker("shop");
    JsonNode refs = api.get(S + "shop/references").result();
    assertThat(refs.path("durable_objects")).hasSize(1);
    assertThat(refs.path("durable_objects").get(0).path("service").asText()).isEqualTo("shop");
    assertThat(refs.path("durable_objects").get(0).path("durable_object_namespace_id").asText())
        .isEqualTo(ns);
    assertThat(refs.path("services").path("incoming")).isEmpty();
  }

  @Test
  void deleteWithoutForceTakesTheScriptsOwnNamespaces() {
    deployWorker("shop");
    Api.Reply r = api.delete("/accounts/{a}/workers/services/shop?force=false");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(api.get("/accounts/{a}/workers/durable_objects/namespaces").result()).isEmpty();
    assertThat(api.get("/accounts/{a}/workers/services/shop").code()).isEqualTo(10090);
  }

  @Test
  void deleteWithoutForceIsStoppedByAnotherWorkersBinding() {
    deployWorker("shop");
    String user =
        """
        {"main_module":"worker.js","compatibility_date":"2025-06-01",
         "bindings":[{"type":"durable_object_namespace","name":"REMOTE","class_name":"MyContainer","script_name":"shop"}]}""";
    String src = "export default { async fetch(r, env) { return new Response(\"x\"); } };";
    assertThat(api.upload("client", user, src).status()).isEqualTo(200);
    Api.Reply r = api.delete(S + "shop");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message()).contains("client");
    assertThat(api.delete(S + "shop?force=true").status()).isEqualTo(200);
  }
}
