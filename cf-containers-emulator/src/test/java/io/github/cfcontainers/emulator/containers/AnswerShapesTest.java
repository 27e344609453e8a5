package io.github.cfcontainers.emulator.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.RegistryHarness;
import org.junit.jupiter.api.Test;

/**
 * Answer shapes and request fields as the official client's source shows them (sources in API.md).
 */
class AnswerShapesTest extends RegistryHarness {
  private static final String APPS = "/accounts/{a}/containers/applications";

  private JsonNode created(String script, String configuration, String extra) {
    String ns = deployWorker(script);
    String body = createBody(script + "-mycontainer", ns, configuration);
    if (extra != null) body = body.trim().replaceFirst("}$", "," + extra + "}");
    Api.Reply r = api.post(APPS, body);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.result();
  }

  /**
   * inferInstanceType (instance-type.ts) needs vcpu, memory_mib and disk.size_mb in every
   * read-back.
   */
  @Test
  void namedInstanceTypeComesBackWithResolvedSizesAndLegacyName() {
    JsonNode app = created("shop", lite(image), null);
    String id = app.path("id").asText();
    for (JsonNode a :
        new JsonNode[] {app, api.get(APPS + "/" + id).result(), api.get(APPS).result().get(0)}) {
      JsonNode c = a.path("configuration");
      assertThat(c.path("instance_type").asText()).isEqualTo("dev");
      assertThat(c.path("vcpu").asDouble()).isEqualTo(0.0625);
      assertThat(c.path("memory_mib").asInt()).isEqualTo(256);
      assertThat(c.path("disk").path("size_mb").asInt()).isEqualTo(2000);
    }
    String std = lite(image).replace("\"lite\"", "\"standard-2\"");
    JsonNode patched =
        api.patch(APPS + "/" + id, "{\"configuration\":" + std + "}")
            .result()
            .path("configuration");
    assertThat(patched.path("instance_type").asText()).isEqualTo("standard-2");
    assertThat(patched.path("vcpu").asDouble()).isEqualTo(1.0);
    assertThat(patched.path("memory_mib").asInt()).isEqualTo(6144);
    assertThat(patched.path("disk").path("size_mb").asInt()).isEqualTo(12000);
  }

  /**
   * The admin switch that holds clients against the sizes-only form; a reset restores the usual
   * one.
   */
  @Test
  void sizesOnlyAnswersDropTheInstanceTypeUntilReset() {
    Api admin = new Api(emulator.adminUrl(), emulator.accountId(), null);
    String id = created("shop", lite(image), null).path("id").asText();
    assertThat(admin.post("/answer-shapes", "{\"application_instance_type\":false}").status())
        .isEqualTo(200);
    for (JsonNode a :
        new JsonNode[] {api.get(APPS + "/" + id).result(), api.get(APPS).result().get(0)}) {
      JsonNode c = a.path("configuration");
      assertThat(c.has("instance_type")).isFalse();
      assertThat(c.path("vcpu").asDouble()).isEqualTo(0.0625);
      assertThat(c.path("memory_mib").asInt()).isEqualTo(256);
      assertThat(c.path("disk").path("size_mb").asInt()).isEqualTo(2000);
    }
    admin.post("/reset", "{}");
    String again = created("shop", lite(image), null).path("id").asText();
    assertThat(
            api.get(APPS + "/" + again)
                .result()
                .path("configuration")
                .path("instance_type")
                .asText())
        .isEqualTo("dev");
  }

  @Test
  void customSizesComeBackWithTheResolvedDisk() {
    JsonNode c =
        created("shop", "{\"image\":\"" + image + "\",\"vcpu\":1,\"memory_mib\":3072}", null)
            .path("configuration");
    assertThat(c.has("instance_type")).isFalse();
    assertThat(c.path("disk").path("size_mb").asInt()).isEqualTo(6000);
  }

  /**
   * What wrangler sends (containers/deploy.ts containerConfigToCreateRequest): affinities and the
   * SSH fields.
   */
  @Test
  void wranglerCreateFieldsAreAcceptedAndEchoed() {
    String cfg =
        "{\"image\":\""
            + image
            + "\",\"instance_type\":\"lite\",\"wrangler_ssh\":{\"enabled\":true,\"port\":22},"
            + "\"authorized_keys\":[{\"name\":\"me\",\"public_key\":\"ssh-ed25519 AAAAC3Nza me@host\"}],"
            + "\"trusted_user_ca_keys\":[{\"public_key\":\"ssh-ed25519 AAAAC3Nzb ca\"}]}";
    JsonNode app =
        created(
            "shop",
            cfg,
            "\"affinities\":{\"colocation\":\"datacenter\"},\"priorities\":{\"default\":50}");
    assertThat(app.path("affinities").path("colocation").asText()).isEqualTo("datacenter");
    assertThat(app.path("priorities").path("default").asInt()).isEqualTo(50);
    assertThat(app.path("configuration").path("wrangler_ssh").path("enabled").asBoolean()).isTrue();
    assertThat(app.path("configuration").path("authorized_keys").get(0).path("name").asText())
        .isEqualTo("me");
    String id = app.path("id").asText();
    Api.Reply bad = api.patch(APPS + "/" + id, "{\"affinities\":{\"colocation\":\"rack\"}}");
    assertThat(bad.error()).isEqualTo("VALIDATE_INPUT");
    Api.Reply ok =
        api.patch(
            APPS + "/" + id,
            "{\"affinities\":{\"hardware_generation\":\"highest-overall-performance\"}}");
    assertThat(ok.result().path("affinities").path("hardware_generation").asText())
        .isEqualTo("highest-overall-performance");
    Api.Reply badKey =
        api.patch(
            APPS + "/" + id,
            "{\"configuration\":" + cfg.replace("ssh-ed25519 AAAAC3Nza", "nope") + "}");
    assertThat(badKey.error()).isEqualTo("VALIDATE_INPUT");
  }

  /** wrangler cloudchamber/common.ts parseImageName: '"latest" tag is not allowed'. */
  @Test
  void latestTagIsRefused() {
    String ns = deployWorker("shop");
    String latest = image.substring(0, image.indexOf('@')) + ":latest";
    Api.Reply r = api.post(APPS, createBody("shop-mycontainer", ns, lite(latest)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.error()).isEqualTo("VALIDATE_INPUT");
    assertThat(r.message()).contains("latest");
    Api.Reply untagged =
        api.post(
            APPS, createBody("shop-mycontainer", ns, lite(image.substring(0, image.indexOf('@')))));
    assertThat(untagged.message()).contains("latest");
  }

  /**
   * CreateApplicationRolloutRequest.ts kind: full_auto | full_manual; a manual one moves on "next".
   */
  @Test
  void fullManualRolloutStepsOnNext() {
    String id = created("shop", lite(image), null).path("id").asText();
    String body =
        "{\"description\":\"d\",\"strategy\":\"rolling\",\"kind\":\"full_manual\",\"steps\":["
            + "{\"step_size\":{\"percentage\":50},\"description\":\"one\"},{\"step_size\":{\"percentage\":100},\"description\":\"two\"}],"
            + "\"target_configuration\":"
            + lite(image)
            + "}";
    JsonNode r = api.post(APPS + "/" + id + "/rollouts", body).result();
    assertThat(r.path("kind").asText()).isEqualTo("full_manual");
    assertThat(r.path("status").asText()).isEqualTo("pending");
    String path = APPS + "/" + id + "/rollouts/" + r.path("id").asText();
    assertThat(api.post(path, "{\"action\":\"next\"}").result().path("status").asText())
        .isEqualTo("progressing");
    assertThat(api.post(path, "{\"action\":\"next\"}").result().path("status").asText())
        .isEqualTo("completed");
    assertThat(api.post(path, "{\"action\":\"next\"}").error()).isEqualTo("VALIDATE_INPUT");
    assertThat(
            api.post(APPS + "/" + id + "/rollouts", body.replace("full_manual", "half_auto"))
                .error())
        .isEqualTo("VALIDATE_INPUT");
  }

  /** DashApplication.ts, paged by page_token (wrangler containers list). */
  @Test
  void dashListPagesByToken() {
    created("a", lite(image), null);
    created("b", lite(image), null);
    Api.Reply first = api.get("/accounts/{a}/containers/dash/applications?per_page=1");
    assertThat(first.result()).hasSize(1);
    JsonNode item = first.result().get(0);
    assertThat(Api.fieldNames(item))
        .containsExactlyInAnyOrder(
            "id", "created_at", "updated_at", "name", "version", "instances", "image", "health");
    String next = first.body().path("result_info").path("next_page_token").asText();
    assertThat(next).isNotEmpty();
    Api.Reply second =
        api.get("/accounts/{a}/containers/dash/applications?per_page=1&page_token=" + next);
    assertThat(second.result().get(0).path("name").asText())
        .isNotEqualTo(item.path("name").asText());
    assertThat(second.body().path("result_info").has("next_page_token")).isFalse();
  }
}
