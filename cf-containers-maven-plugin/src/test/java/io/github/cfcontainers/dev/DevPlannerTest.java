package io.github.cfcontainers.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.deploy.WorkerSpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevPlannerTest {

  private static final Path BUNDLE = Path.of("/p/target/cf-containers/dev/worker/worker.js");

  private static DevSettings settings(int port, List<DevContainer> containers) {
    var worker =
        new WorkerSpec(
            "orders",
            LocalDate.of(2026, 4, 1),
            List.of("nodejs_compat"),
            Map.of("API_URL", "https://api.example.com"),
            true,
            true,
            List.of(),
            false);
    return new DevSettings(
        Path.of("/p/worker"),
        BUNDLE,
        worker,
        containers,
        port,
        "unix:///var/run/docker.sock",
        Path.of("/p/target/cf-containers/dev/run"));
  }

  @Test
  void eachClassIsASqliteDurableObjectBoundToItsDevImage() {
    var plan =
        DevPlanner.plan(
            settings(
                8787,
                List.of(
                    new DevContainer("Api", "API", "cloudflare-dev/orders-api:1a2b"),
                    new DevContainer(
                        "Jobs", "JOBS_CONTAINER", "cloudflare-dev/orders-jobs:3c4d"))));

    assertThat(plan.options().get("durableObjects"))
        .isEqualTo(
            Map.of(
                "API",
                    new DurableObjectOption(
                        "Api",
                        true,
                        new DurableObjectOption.ContainerOption("cloudflare-dev/orders-api:1a2b")),
                "JOBS_CONTAINER",
                    new DurableObjectOption(
                        "Jobs",
                        true,
                        new DurableObjectOption.ContainerOption(
                            "cloudflare-dev/orders-jobs:3c4d"))));
    assertThat(plan.images())
        .containsExactly("cloudflare-dev/orders-api:1a2b", "cloudflare-dev/orders-jobs:3c4d");
  }

  @Test
  void theWorkerSettingsComeFromThePom() {
    var plan =
        DevPlanner.plan(
            settings(9001, List.of(new DevContainer("Api", "API", "cloudflare-dev/a:1"))));

    assertThat(plan.options())
        .containsEntry("name", "orders")
        .containsEntry("scriptPath", BUNDLE.toString())
        .containsEntry("modulesRoot", BUNDLE.getParent().toString())
        .containsEntry("modules", true)
        .containsEntry("compatibilityDate", "2026-04-01")
        .containsEntry("compatibilityFlags", List.of("nodejs_compat"))
        .containsEntry("bindings", Map.of("API_URL", "https://api.example.com"))
        .containsEntry(
            "containerEngine",
            Map.of("localDocker", Map.of("socketPath", "unix:///var/run/docker.sock")))
        .containsEntry("host", "127.0.0.1")
        .containsEntry("port", 9001)
        .containsEntry("cf", false);
    assertThat(plan.url()).isEqualTo("http://127.0.0.1:9001/");
    // Not hard-coded: the runtime reads MINIFLARE_CONTAINER_EGRESS_IMAGE itself, or uses its
    // default.
    assertThat(plan.options().toString()).doesNotContain("proxy-everything");
  }

  @Test
  void ownsExactlyTheContainersWorkerdNamesAfterThisWorkersClasses() {
    var plan =
        DevPlanner.plan(
            settings(8787, List.of(new DevContainer("Api", "API", "cloudflare-dev/a:1"))));
    String id = "9b8fe4da803e492c53936b77ce0e7025bbe1acf3ffe651bdf4e90ba88f0a2faf";

    assertThat(plan.owns("workerd-orders-Api-" + id)).isTrue();
    assertThat(plan.owns("/workerd-orders-Api-" + id + "-proxy")).isTrue();
    assertThat(plan.owns("workerd-orders-Jobs-" + id)).isFalse();
    assertThat(plan.owns("workerd-orders2-Api-" + id)).isFalse();
    assertThat(plan.owns("orders-api")).isFalse();
  }

  @Test
  void aPortOutsideTcpNamesTheSetting() {
    assertThatThrownBy(() -> DevPlanner.plan(settings(70000, List.of())))
        .isInstanceOf(InvalidSettingException.class)
        .satisfies(
            e -> {
              var setting = ((InvalidSettingException) e).setting();
              assertThat(setting.path()).containsExactly("devPort");
              assertThat(setting.property()).contains("cf.dev.port");
            });
  }
}
