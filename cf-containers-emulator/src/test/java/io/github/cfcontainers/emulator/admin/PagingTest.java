package io.github.cfcontainers.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.emulator.Api;
import io.github.cfcontainers.emulator.EmulatorHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The admin page-size cap: a client asking per_page=1000 (as wrangler and the plugin do) still gets
 * small pages.
 */
class PagingTest extends EmulatorHarness {
  private Api admin() {
    return new Api(emulator.adminUrl(), emulator.accountId(), null);
  }

  @Test
  void namespacesComeInPagesOfTheCapWithTheRealResultInfo() {
    deployWorker("alpha");
    deployWorker("beta");
    deployWorker("gamma");
    assertThat(admin().post("/page-size", "{\"max_per_page\":1}").status()).isEqualTo(200);

    List<String> scripts = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      Api.Reply r =
          api.get("/accounts/{a}/workers/durable_objects/namespaces?per_page=1000&page=" + page);
      assertThat(r.result()).hasSize(1);
      JsonNode info = r.body().path("result_info");
      assertThat(info.path("page").asInt()).isEqualTo(page);
      assertThat(info.path("per_page").asInt()).isEqualTo(1);
      assertThat(info.path("total_count").asInt()).isEqualTo(3);
      scripts.add(r.result().get(0).path("script").asText());
    }
    assertThat(scripts).containsExactly("alpha", "beta", "gamma");
    assertThat(
            api.get("/accounts/{a}/workers/durable_objects/namespaces?per_page=1000&page=4")
                .result())
        .isEmpty();
  }

  @Test
  void theCapIsValidatedAndResetTurnsItOff() {
    assertThat(admin().post("/page-size", "{\"max_per_page\":5000}").status()).isEqualTo(400);
    deployWorker("alpha");
    deployWorker("beta");
    admin().post("/page-size", "{\"max_per_page\":1}");
    admin().post("/reset", "{}");
    deployWorker("alpha");
    deployWorker("beta");
    assertThat(api.get("/accounts/{a}/workers/durable_objects/namespaces?per_page=1000").result())
        .hasSize(2);
  }
}
