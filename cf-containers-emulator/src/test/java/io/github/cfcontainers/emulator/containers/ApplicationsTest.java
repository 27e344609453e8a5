package io.github.cfcontainers.emulator.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.Fixtures;
import io.github.cfcontainers.emulator.RegistryHarness;
import io.github.cfcontainers.emulator.TestGround;
import org.junit.jupiter.api.Test;

// Over 300 lines: one test per application rule of API.md §2.3, all on the same harness.
class ApplicationsTest extends RegistryHarness {
  private static final String APPS = "/accounts/{a}/containers/applications";

  private Api.Reply create(String name, String ns, String configuration) {
    return api.post(APPS, createBody(name, ns, configuration));
  }

  private void assertError(Api.Reply r, int status, String error) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.error()).as(r.toString()).isEqualTo(error);
  }

  @Test
  void createAnswersTheDocumentedShapeAndLegacyInstanceTypeName() {
    String ns = deployWorker("shop");
    Api.Reply r = create("shop-mycontainer", ns, lite(image));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode app = r.result();
    for (String f :
        new String[] {
          "id",
          "name",
          "version",
          "created_at",
          "account_id",
          "scheduling_policy",
          "instances",
          "max_instances",
          "configuration",
          "durable_objects",
          "health"
        }) {
      assertThat(app.has(f)).as(f).isTrue();
    }
    assertThat(app.path("durable_objects").path("namespace_id").asText()).isEqualTo(ns);
    assertThat(app.path("configuration").path("instance_type").asText()).isEqualTo("dev");
    assertThat(api.get(APPS + "?name=shop-mycontainer").result()).hasSize(1);
    assertThat(api.get(APPS + "?name=other").result()).isEmpty();
    assertThat(api.get(APPS + "/" + app.path("id").asText()).result().path("name").asText())
        .isEqualTo("shop-mycontainer");
  }

  @Test
  void applicationNamesAreUnique() {
    String ns = deployWorker("shop");
    assertThat(create("dup", ns, lite(image)).status()).isEqualTo(200);
    String ns2 = deployWorker("shop2");
    assertError(create("dup", ns2, lite(image)), 409, "APPLICATION_ALREADY_EXISTS");
  }

  @Test
  void imageMissingFromTheRegistryIsRefused() {
    String ns = deployWorker("shop");
    String missing =
        TestGround.registry() + "/" + emulator.accountId() + "/emu-busybox:no-such-tag";
    assertError(create("a", ns, lite(missing)), 400, "IMAGE_REGISTRY_DOESNT_CONTAIN_IMAGE");
  }

  @Test
  void imageOfAnotherAccountIsRefused() {
    String ns = deployWorker("shop");
    String foreign =
        image.replace("/" + emulator.accountId() + "/", "/ffffffffffffffffffffffffffffffff/");
    Api.Reply r = create("a", ns, lite(foreign));
    assertError(r, 400, "VALIDATE_INPUT");
    assertThat(r.message()).contains("account");
  }

  @Test
  void imageOnAnotherRegistryIsRefused() {
    String ns = deployWorker("shop");
    assertError(
        create("a", ns, lite("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1")),
        400,
        "IMAGE_REGISTRY_NOT_CONFIGURED");
    assertError(create("a", ns, lite("ghcr.io/acme/app:1")), 400, "IMAGE_REGISTRY_NOT_CONFIGURED");
  }

  /**
   * Cloudflare docs (containers image management): public Docker Hub images need no registry
   * configuration.
   */
  @Test
  void publicDockerHubImageIsAcceptedUnchecked() {
    String ns = deployWorker("shop");
    Api.Reply r = create("a", ns, lite("docker.io/library/busybox:1.36"));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.result().path("configuration").path("image").asText())
        .isEqualTo("docker.io/library/busybox:1.36");
    assertError(
        create("b", deployWorker("shop2"), lite("docker.io/library/busybox:latest")),
        400,
        "VALIDATE_INPUT");
  }

  @Test
  void unknownInstanceTypeIsRefused() {
    String ns = deployWorker("shop");
    assertError(
        create("a", ns, lite(image).replace("\"lite\"", "\"huge\"")), 400, "VALIDATE_INPUT");
    assertThat(create("b", ns, lite(image).replace("\"lite\"", "\"standard\"")).status())
        .isEqualTo(200);
  }

  @Test
  void customSizeVcpuMustBe1To4() {
    String ns = deployWorker("shop");
    String cfg = "{\"image\":\"" + image + "\",\"vcpu\":8,\"memory_mib\":24576}";
    assertError(create("a", ns, cfg), 400, "SURPASSED_BASE_LIMITS");
  }

  @Test
  void customSizeNeeds3GibPerVcpu() {
    String ns = deployWorker("shop");
    String cfg = "{\"image\":\"" + image + "\",\"vcpu\":2,\"memory_mib\":4096}";
    Api.Reply r = create("a", ns, cfg);
    assertError(r, 400, "VALIDATE_INPUT");
    assertThat(r.message()).contains("memory_mib");
    assertThat(
            create("b", ns, "{\"image\":\"" + image + "\",\"vcpu\":2,\"memory_mib\":6144}")
                .status())
        .isEqualTo(200);
  }

  @Test
  void customDiskAtMost2000MbPerGibOfMemory() {
    String ns = deployWorker("shop");
    String cfg =
        "{\"image\":\"" + image + "\",\"vcpu\":1,\"memory_mib\":3072,\"disk\":{\"size_mb\":7000}}";
    Api.Reply r = create("a", ns, cfg);
    assertError(r, 400, "VALIDATE_INPUT");
    assertThat(r.message()).contains("disk");
  }

  @Test
  void accountTotalsAreEnforced() {
    String ns = deployWorker("shop");
    String body = createBody("a", ns, lite(image).replace("\"lite\"", "\"standard-4\""));
    assertError(
        api.post(APPS, body.replace("\"max_instances\":20", "\"max_instances\":400")),
        400,
        "SURPASSED_TOTAL_LIMITS");
    assertThat(api.post(APPS, body).status()).isEqualTo(200);
  }

  @Test
  void imageMustFitTheDisk() {
    String ns = deployWorker("shop");
    // busybox: ~2 MB in one layer needs 2*1.1 + 16 MiB > 10 MB.
    String cfg =
        "{\"image\":\"" + image + "\",\"vcpu\":1,\"memory_mib\":3072,\"disk\":{\"size_mb\":10}}";
    Api.Reply r = create("a", ns, cfg);
    assertError(r, 400, "VALIDATE_INPUT");
    assertThat(r.details().toString()).contains("layers");
    assertThat(create("b", ns, cfg.replace("10}", "100}")).status()).isEqualTo(200);
  }

  @Test
  void durableObjectNamespaceMustExist() {
    assertError(
        create("a", "0000000000000000000000000000dead", lite(image)),
        404,
        "DURABLE_OBJECT_NOT_FOUND");
  }

  @Test
  void durableObjectNamespaceMustBeContainerEnabled() {
    assertThat(api.upload("plain", Fixtures.WITHOUT_CONTAINERS, Fixtures.WORKER).status())
        .isEqualTo(200);
    String ns =
        api.get("/accounts/{a}/workers/durable_objects/namespaces")
            .result()
            .get(0)
            .path("id")
            .asText();
    assertError(create("a", ns, lite(image)), 400, "DURABLE_OBJECT_NOT_CONTAINER_ENABLED");
  }

  @Test
  void durableObjectNamespaceServesOneApplication() {
    String ns = deployWorker("shop");
    String firstId = create("first", ns, lite(image)).result().path("id").asText();
    Api.Reply r = create("second", ns, lite(image));
    assertError(r, 409, "DURABLE_OBJECT_ALREADY_HAS_APPLICATION");
    assertThat(r.details().path("name").asText()).isEqualTo("first");
    assertThat(r.details().path("id").asText()).isEqualTo(firstId);
  }

  @Test
  void unknownFieldsAnywhereAreValidateInput() {
    String ns = deployWorker("shop");
    assertError(
        api.post(
            APPS,
            createBody("a", ns, lite(image))
                .replace("\"instances\":0", "\"instances\":0,\"colour\":\"red\"")),
        400,
        "VALIDATE_INPUT");
    assertError(
        create("a", ns, lite(image).replace("\"instance_type\"", "\"gpu\":1,\"instance_type\"")),
        400,
        "VALIDATE_INPUT");
  }

  @Test
  void schedulingPolicyRegionsAndJurisdictionAreChecked() {
    String ns = deployWorker("shop");
    String body = createBody("a", ns, lite(image));
    assertError(api.post(APPS, body.replace("\"default\"", "\"fastest\"")), 400, "VALIDATE_INPUT");
    String withConstraints =
        body.replace(
            "\"rollout_active_grace_period\":0",
            "\"rollout_active_grace_period\":0,\"constraints\":{\"regions\":[\"MARS\"]}");
    assertError(api.post(APPS, withConstraints), 400, "VALIDATE_INPUT");
    assertError(
        api.post(
            APPS, withConstraints.replace("{\"regions\":[\"MARS\"]}", "{\"jurisdiction\":\"us\"}")),
        400,
        "VALIDATE_INPUT");
    Api.Reply ok =
        api.post(
            APPS,
            withConstraints.replace(
                "{\"regions\":[\"MARS\"]}",
                "{\"regions\":[\"ENAM\",\"WEUR\"],\"jurisdiction\":\"eu\",\"tiers\":[1,2]}"));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
  }

  /**
   * ModifyApplicationRequestBody.ts has name and instances: a rename works, a Durable Object app
   * keeps 0 instances.
   */
  @Test
  void patchTakesNameButKeepsDurableObjectInstancesAtZero() {
    String ns = deployWorker("shop");
    String id = create("a", ns, lite(image)).result().path("id").asText();
    String other = deployWorker("shop2");
    create("taken", other, lite(image));
    assertError(
        api.patch(APPS + "/" + id, "{\"name\":\"taken\"}"), 409, "APPLICATION_ALREADY_EXISTS");
    assertError(api.patch(APPS + "/" + id, "{\"instances\":2}"), 400, "VALIDATE_INPUT");
    assertThat(
            api.patch(APPS + "/" + id, "{\"name\":\"b\",\"instances\":0}")
                .result()
                .path("name")
                .asText())
        .isEqualTo("b");
    Api.Reply ok =
        api.patch(APPS + "/" + id, "{\"max_instances\":5,\"configuration\":" + lite(image) + "}");
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.result().path("max_instances").asInt()).isEqualTo(5);
    assertThat(ok.result().path("version").asInt()).isEqualTo(3);
  }

  @Test
  void rolloutStepPercentageIsChecked() {
    String ns = deployWorker("shop");
    String id = create("a", ns, lite(image)).result().path("id").asText();
    String rollout =
        "{\"description\":\"d\",\"strategy\":\"rolling\",\"kind\":\"full_auto\",\"step_percentage\":%s,\"target_configuration\":"
            + lite(image)
            + "}";
    assertError(
        api.post(APPS + "/" + id + "/rollouts", rollout.formatted("30")), 400, "VALIDATE_INPUT");
    String steps =
        "{\"description\":\"d\",\"strategy\":\"rolling\",\"kind\":\"full_auto\",\"steps\":[{\"step_size\":{\"percentage\":50}},{\"step_size\":{\"percentage\":%s}}],\"target_configuration\":"
            + lite(image)
            + "}";
    assertError(
        api.post(APPS + "/" + id + "/rollouts", steps.formatted("40")), 400, "VALIDATE_INPUT");
    assertError(
        api.post(APPS + "/" + id + "/rollouts", steps.formatted("90")), 400, "VALIDATE_INPUT");
    Api.Reply ok = api.post(APPS + "/" + id + "/rollouts", rollout.formatted("25"));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.result().path("status").asText()).isEqualTo("completed");
    assertThat(ok.result().path("steps")).hasSize(4);
    String rolloutId = ok.result().path("id").asText();
    assertThat(
            api.get(APPS + "/" + id + "/rollouts/" + rolloutId)
                .result()
                .path("progress")
                .path("total_steps")
                .asInt())
        .isEqualTo(4);
    assertThat(api.get(APPS + "/" + id + "/rollouts").result()).hasSize(1);
    assertThat(api.get(APPS + "/" + id).result().path("active_rollout_id").asText())
        .isEqualTo(rolloutId);
    assertThat(api.post(APPS + "/" + id + "/rollouts", steps.formatted("100")).status())
        .isEqualTo(200);
  }

  @Test
  void rolloutsCanBeRevertedAndDeleted() {
    String ns = deployWorker("shop");
    String id = create("a", ns, lite(image)).result().path("id").asText();
    String basic = lite(image).replace("\"lite\"", "\"basic\"");
    String body =
        "{\"description\":\"d\",\"strategy\":\"rolling\",\"kind\":\"full_auto\",\"step_percentage\":100,"
            + "\"target_configuration\":"
            + basic
            + "}";
    String rolloutId = api.post(APPS + "/" + id + "/rollouts", body).result().path("id").asText();
    String one = APPS + "/" + id + "/rollouts/" + rolloutId;
    assertThat(
            api.get(APPS + "/" + id).result().path("configuration").path("instance_type").asText())
        .isEqualTo("basic");

    assertError(api.post(one, "{\"action\":\"sideways\"}"), 400, "VALIDATE_INPUT");
    assertError(
        api.post(one, "{\"action\":\"next\"}"), 400, "VALIDATE_INPUT"); // full_auto steps itself
    Api.Reply reverted = api.post(one, "{\"action\":\"revert\"}");
    assertThat(reverted.status()).as(reverted.toString()).isEqualTo(200);
    assertThat(reverted.result().path("status").asText()).isEqualTo("reverted");
    assertThat(
            api.get(APPS + "/" + id).result().path("configuration").path("instance_type").asText())
        .isEqualTo("dev");
    assertError(api.post(one, "{\"action\":\"revert\"}"), 400, "VALIDATE_INPUT");

    assertThat(api.delete(one).status()).isEqualTo(200);
    assertThat(api.get(APPS + "/" + id + "/rollouts").result()).isEmpty();
    assertThat(api.get(APPS + "/" + id).result().has("active_rollout_id")).isFalse();
    assertError(api.delete(one), 404, "ROLLOUT_NOT_FOUND");
  }

  @Test
  void deletingTheWorkerKeepsItsApplications() {
    String ns = deployWorker("shop");
    String id = create("a", ns, lite(image)).result().path("id").asText();
    assertThat(api.delete("/accounts/{a}/workers/scripts/shop?force=true").status()).isEqualTo(200);
    assertThat(api.get(APPS + "/" + id).status()).isEqualTo(200);
    assertThat(api.delete(APPS + "/" + id).status()).isEqualTo(200);
    assertThat(api.get(APPS + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void meAnswersLimitsAndInstancesAreListed() {
    JsonNode limits = api.get("/accounts/{a}/containers/me").result().path("limits");
    assertThat(limits.path("vcpu_per_deployment").asInt()).isEqualTo(4);
    assertThat(limits.path("memory_mib_per_deployment").asInt()).isEqualTo(12288);
    assertThat(limits.path("disk_mb_per_deployment").asInt()).isEqualTo(20000);
    String ns = deployWorker("shop");
    String id = create("a", ns, lite(image)).result().path("id").asText();
    Api.Reply inst = api.get(APPS + "/" + id + "/instances-v2");
    assertThat(inst.status()).isEqualTo(200);
    assertThat(inst.result().isArray()).isTrue();
  }

  @Test
  void stateShowsEverything() {
    String ns = deployWorker("shop");
    create("a", ns, lite(image));
    JsonNode state = new Api(emulator.adminUrl(), emulator.accountId(), null).get("/state").body();
    assertThat(state.path("scripts")).hasSize(1);
    assertThat(state.path("namespaces")).hasSize(1);
    assertThat(state.path("applications")).hasSize(1);
  }
}
