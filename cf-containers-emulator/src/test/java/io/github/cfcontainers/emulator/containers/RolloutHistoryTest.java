package io.github.cfcontainers.emulator.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.RegistryHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rollout history a rollback reads, the grace period, and the instances listing's shape (API.md
 * §2.4, §2.5).
 */
class RolloutHistoryTest extends RegistryHarness {
  private static final String APPS = "/accounts/{a}/containers/applications";

  private String type(String instanceType) {
    return lite(image).replace("\"lite\"", "\"" + instanceType + "\"");
  }

  private String rollout(String instanceType) {
    return "{\"description\":\"to "
        + instanceType
        + "\",\"strategy\":\"rolling\",\"kind\":\"full_auto\","
        + "\"step_percentage\":100,\"target_configuration\":"
        + type(instanceType)
        + "}";
  }

  /** Application a, lite, serving a freshly deployed Worker shop; answers its id. */
  private String createdApp() {
    return api.post(APPS, createBody("a", deployWorker("shop"), lite(image)))
        .result()
        .path("id")
        .asText();
  }

  private static List<String> ids(JsonNode list) {
    var ids = new ArrayList<String>();
    list.forEach(r -> ids.add(r.path("id").asText()));
    return ids;
  }

  @Test
  void theHistoryListsEveryRolloutNewestFirstWithWhatItReplaced() {
    String id = createdApp();
    String r1 =
        api.post(APPS + "/" + id + "/rollouts", rollout("basic")).result().path("id").asText();
    String r2 =
        api.post(APPS + "/" + id + "/rollouts", rollout("standard-1")).result().path("id").asText();

    JsonNode list = api.get(APPS + "/" + id + "/rollouts").result();
    assertThat(ids(list)).containsExactly(r2, r1);
    JsonNode newest = list.get(0);
    for (String f :
        new String[] {
          "id",
          "created_at",
          "last_updated_at",
          "description",
          "status",
          "kind",
          "strategy",
          "current_version",
          "target_version",
          "current_configuration",
          "target_configuration",
          "steps",
          "progress",
          "health"
        }) {
      assertThat(newest.has(f)).as(f).isTrue();
    }
    assertThat(newest.path("status").asText()).isEqualTo("completed");
    assertThat(newest.path("current_configuration").path("instance_type").asText())
        .isEqualTo("basic");
    assertThat(list.get(1).path("current_configuration").has("vcpu"))
        .isTrue(); // resolved sizes, as read back
    assertThat(newest.path("target_configuration").path("instance_type").asText())
        .isIn("standard-1", "standard");
    assertThat(newest.path("target_version").asInt())
        .isGreaterThan(list.get(1).path("target_version").asInt());
    assertThat(list.get(1).path("current_configuration").path("instance_type").asText())
        .isIn("lite", "dev");
    assertThat(list.get(1).path("current_configuration").path("image").asText()).isEqualTo(image);

    // containers-shared listApplicationRollouts(limit, last)
    assertThat(ids(api.get(APPS + "/" + id + "/rollouts?limit=1").result())).containsExactly(r2);
    assertThat(ids(api.get(APPS + "/" + id + "/rollouts?limit=1&last=" + r2).result()))
        .containsExactly(r1);
    assertThat(api.get(APPS + "/" + id + "/rollouts?last=" + r1).result()).isEmpty();
    assertThat(api.get(APPS + "/" + id + "/rollouts?last=nope").status()).isEqualTo(404);
    assertThat(api.get(APPS + "/" + id + "/rollouts?limit=0").error()).isEqualTo("VALIDATE_INPUT");
  }

  @Test
  void aRollbackIsAPatchAndARolloutOfTheEarlierConfiguration() {
    String id = createdApp();
    api.patch(APPS + "/" + id, "{\"configuration\":" + type("basic") + "}");
    api.post(APPS + "/" + id + "/rollouts", rollout("basic"));
    var before =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            api.get(APPS + "/" + id + "/rollouts")
                .result()
                .get(0)
                .path("current_configuration")
                .deepCopy();
    // A read-back states the resolved sizes next to the type; a write takes one form only (§2.2).
    assertThat(api.patch(APPS + "/" + id, "{\"configuration\":" + before + "}").error())
        .isEqualTo("VALIDATE_INPUT");
    before.remove(List.of("vcpu", "memory_mib", "disk"));

    api.patch(APPS + "/" + id, "{\"configuration\":" + before + "}");
    Api.Reply back =
        api.post(
            APPS + "/" + id + "/rollouts",
            "{\"description\":\"back\",\"strategy\":\"rolling\","
                + "\"kind\":\"full_auto\",\"step_percentage\":100,\"target_configuration\":"
                + before
                + "}");
    assertThat(back.status()).as(back.toString()).isEqualTo(200);
    JsonNode app = api.get(APPS + "/" + id).result();
    assertThat(app.path("configuration").path("instance_type").asText()).isIn("lite", "dev");
    assertThat(app.path("active_rollout_id").asText()).isEqualTo(back.result().path("id").asText());
    assertThat(api.get(APPS + "/" + id + "/rollouts").result()).hasSize(2);
  }

  @Test
  void theGracePeriodIsAcceptedAndReturned() {
    String ns = deployWorker("shop");
    String body =
        createBody("a", ns, lite(image))
            .replace("\"rollout_active_grace_period\":0", "\"rollout_active_grace_period\":300");
    JsonNode created = api.post(APPS, body).result();
    assertThat(created.path("rollout_active_grace_period").asInt()).isEqualTo(300);
    String id = created.path("id").asText();
    assertThat(
            api.patch(APPS + "/" + id, "{\"rollout_active_grace_period\":60}")
                .result()
                .path("rollout_active_grace_period")
                .asInt())
        .isEqualTo(60);
    assertThat(api.get(APPS + "/" + id).result().path("rollout_active_grace_period").asInt())
        .isEqualTo(60);
    assertThat(api.patch(APPS + "/" + id, "{\"rollout_active_grace_period\":-1}").error())
        .isEqualTo("VALIDATE_INPUT");
  }

  @Test
  void instancesArePagedAndEmptyWithoutContainers() {
    String id = createdApp();
    Api.Reply r = api.get(APPS + "/" + id + "/instances-v2");
    assertThat(r.result().isArray()).isTrue();
    assertThat(r.result()).isEmpty();
    // ResultInfo.next_page_token is optional (containers-shared PaginatedResult.ts): the last page
    // has none.
    assertThat(r.body().path("result_info").path("per_page").asInt()).isEqualTo(100);
    assertThat(r.body().path("result_info").has("next_page_token")).isFalse();
  }
}
