package io.github.cfcontainers.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.config.ContainerConfig;
import io.github.cfcontainers.config.ContainerSpec;
import io.github.cfcontainers.config.PrebuiltImage;
import io.github.cfcontainers.config.Written;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class DeploymentResolverTest {

  private final DeploymentResolver resolver =
      new DeploymentResolver(Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));
  private final ContainerSpec spec =
      new ContainerSpec(
          "MyContainer", "w-mycontainer", Optional.empty(), new PrebuiltImage("nginx:1"));

  /** A container with only the named settings written, the rest default. */
  private static ContainerConfig input(Object... pairs) {
    return Written.container(pairs);
  }

  private ApplicationSpec resolve(ContainerConfig in) {
    return resolver.containers(List.of(spec), Arrays.asList(in), Set.of()).get(0);
  }

  private static void refused(ThrowingCallable call, String setting, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(String.join("/", e.setting().path())).endsWith(setting);
              assertThat(e.getMessage()).contains(message);
            });
  }

  @Test
  void defaults() {
    var d = resolve(input());
    assertThat(d.binding()).isEqualTo("MY_CONTAINER");
    assertThat(d.size()).isEqualTo(new ContainerSize.Named(InstanceType.LITE));
    assertThat(d.maxInstances()).isEqualTo(20);
    assertThat(d.schedulingPolicy()).isEqualTo("default");
    assertThat(d.constraints().isEmpty()).isTrue();
    assertThat(d.logs()).isTrue();
    assertThat(d.rollout()).isEqualTo(RolloutPolicy.DEFAULT);
    assertThat(d.adopt()).isFalse();
  }

  @Test
  void instanceTypesIncludingLegacyNames() {
    assertThat(resolve(input("instanceType", "standard-2")).size())
        .isEqualTo(new ContainerSize.Named(InstanceType.STANDARD_2));
    assertThat(resolve(input("instanceType", "dev")).size())
        .isEqualTo(new ContainerSize.Named(InstanceType.LITE));
    assertThat(resolve(input("instanceType", "standard")).size())
        .isEqualTo(new ContainerSize.Named(InstanceType.STANDARD_1));
    refused(
        () -> resolve(input("instanceType", "huge")),
        "instanceType",
        "Unknown instance type 'huge'");
  }

  @Test
  void customSizeRules() {
    assertThat(resolve(input("vcpu", 2.0, "memoryMib", 6144, "diskMb", 12000)).size())
        .isEqualTo(new ContainerSize.Custom(2.0, 6144, 12000));
    refused(() -> resolve(input("instanceType", "lite", "vcpu", 1.0)), "instanceType", "sets both");
    refused(
        () -> resolve(input("vcpu", 1.0, "memoryMib", 4096)),
        "diskMb",
        "needs <vcpu>, <memoryMib> and <diskMb>");
    refused(
        () -> resolve(input("vcpu", 0.5, "memoryMib", 4096, "diskMb", 4000)), "vcpu", "0.5 vCPU");
    refused(
        () -> resolve(input("vcpu", 5.0, "memoryMib", 16384, "diskMb", 4000)), "vcpu", "5.0 vCPU");
    refused(
        () -> resolve(input("vcpu", 2.0, "memoryMib", 6143, "diskMb", 4000)),
        "memoryMib",
        "too little memory");
    refused(
        () -> resolve(input("vcpu", 1.0, "memoryMib", 3072, "diskMb", 6001)),
        "diskMb",
        "does not fit");
    assertThat(resolve(input("vcpu", 1.0, "memoryMib", 3072, "diskMb", 6000)).size().diskMb())
        .isEqualTo(6000);
  }

  @Test
  void rolloutRules() {
    assertThat(resolve(input("rolloutStrategy", "immediate")).rollout())
        .isEqualTo(RolloutPolicy.IMMEDIATE);
    assertThat(resolve(input("rolloutStepPercentage", 10)).rollout().stepPercentage())
        .isEqualTo(10);
    assertThat(resolve(input("rolloutSteps", List.of(10, 50, 100))).rollout().steps())
        .containsExactly(10, 50, 100);
    refused(
        () -> resolve(input("rolloutStepPercentage", 30)), "stepPercentage", "30 % is not allowed");
    refused(
        () -> resolve(input("rolloutSteps", List.of(5, 100))), "steps", "not an ascending list");
    refused(
        () -> resolve(input("rolloutSteps", List.of(50, 20, 100))),
        "steps",
        "not an ascending list");
    refused(() -> resolve(input("rolloutSteps", List.of(10, 50))), "steps", "do not end at 100");
    refused(
        () -> resolve(input("rolloutSteps", List.of(100), "rolloutStepPercentage", 10)),
        "steps",
        "Both");
    refused(
        () -> resolve(input("rolloutStrategy", "immediate", "rolloutStepPercentage", 10)),
        "strategy",
        "no steps");
    refused(
        () -> resolve(input("rolloutStrategy", "canary")), "strategy", "Unknown rollout strategy");
  }

  @Test
  void constraintsRules() {
    var c =
        resolve(
                input(
                    "regions",
                    List.of("enam", "WEUR"),
                    "jurisdiction",
                    "EU",
                    "tiers",
                    List.of(1, 2)))
            .constraints();
    assertThat(c.regions()).containsExactly("ENAM", "WEUR");
    assertThat(c.jurisdiction()).isEqualTo("eu");
    assertThat(c.tiers()).containsExactly(1, 2);
    refused(() -> resolve(input("regions", List.of("MARS"))), "regions", "Unknown region 'MARS'");
    // Maven injects an empty <region/> as null: a setting error, not a NullPointerException.
    refused(
        () -> resolve(input("regions", Arrays.asList("ENAM", null))),
        "region",
        "An empty <region/>");
    refused(() -> resolve(input("regions", List.of(" "))), "region", "An empty <region/>");
    refused(() -> resolve(input("jurisdiction", "us")), "jurisdiction", "Unknown jurisdiction");
    refused(() -> resolve(input("tiers", List.of(0))), "tiers", "positive");
  }

  @Test
  void otherContainerRules() {
    refused(() -> resolve(input("maxInstances", 0)), "maxInstances", "maxInstances is 0");
    refused(
        () -> resolve(input("schedulingPolicy", "fastest")),
        "schedulingPolicy",
        "Unknown scheduling policy");
    refused(() -> resolve(input("binding", "MY-CONTAINER")), "binding", "is not valid");
    refused(
        () -> resolver.containers(List.of(spec), List.of(input()), Set.of("MY_CONTAINER")),
        "binding",
        "used twice");
    assertThat(resolve(input("adopt", true, "observability", false)).adopt()).isTrue();
  }

  @Test
  void renamedFromMustBeAnotherClassName() {
    assertThat(resolve(input("renamedFrom", "OldContainer")).renamedFrom())
        .isEqualTo("OldContainer");
    assertThat(resolve(input("renamedFrom", " ")).renamedFrom()).isNull();
    refused(
        () -> resolve(input("renamedFrom", "MyContainer")),
        "renamedFrom",
        "is not a previous class name");
    refused(
        () -> resolve(input("renamedFrom", "old-container")),
        "renamedFrom",
        "is not a previous class name");
  }

  @Test
  void defaultBindingIsUpperSnake() {
    assertThat(DeploymentResolver.defaultBinding("MyContainer")).isEqualTo("MY_CONTAINER");
    assertThat(DeploymentResolver.defaultBinding("APIServer2Container"))
        .isEqualTo("APISERVER2_CONTAINER");
    assertThat(DeploymentResolver.defaultBinding("worker")).isEqualTo("WORKER");
  }

  @Test
  void workerRules() {
    var w =
        resolver.worker(
            "w",
            new Written.Worker(
                "2026-11-01", List.of("nodejs_compat"), Map.of("API_URL", "x"), null, null),
            List.of(),
            false);
    assertThat(w.compatibilityDate()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(w.compatibilityFlags()).containsExactly("nodejs_compat");
    assertThat(w.vars()).containsEntry("API_URL", "x");
    assertThat(w.observability()).isTrue();
    assertThat(w.workersDev()).isTrue();
    refused(
        () -> resolver.worker("w", null, List.of(), false),
        "compatibilityDate",
        "no compatibility date");
    refused(
        () ->
            resolver.worker(
                "w", new Written.Worker("2026-13-01", null, null, null, null), List.of(), false),
        "compatibilityDate",
        "is not a date");
    refused(
        () ->
            resolver.worker(
                "w", new Written.Worker("26-11-01", null, null, null, null), List.of(), false),
        "compatibilityDate",
        "is not a date");
    refused(
        () ->
            resolver.worker(
                "w", new Written.Worker("2026-12-05", null, null, null, null), List.of(), false),
        "compatibilityDate",
        "lies in the future");
    refused(
        () ->
            resolver.worker(
                "w",
                new Written.Worker("2026-11-01", null, Map.of("bad-name", "x"), null, null),
                List.of(),
                false),
        "vars",
        "not a valid binding name");
  }

  @Test
  void secretNamesAreBindingNamesAndTakeNoNameAVarOrAContainerHas() {
    var secret = new WorkerSecret("API_KEY", "environment variable API_KEY", null);
    var w =
        resolver.worker(
            "w",
            new Written.Worker("2026-11-01", null, Map.of("URL", "x"), null, null),
            List.of(secret),
            false);
    assertThat(w.secrets()).containsExactly(secret);
    assertThat(w.bindingNames()).containsExactlyInAnyOrder("URL", "API_KEY");

    refused(
        () ->
            resolver.worker(
                "w",
                new Written.Worker("2026-11-01", null, null, null, null),
                List.of(new WorkerSecret("bad-name", "env", null)),
                false),
        "secrets",
        "not a valid binding name");
    refused(
        () ->
            resolver.worker(
                "w",
                new Written.Worker("2026-11-01", null, Map.of("API_KEY", "x"), null, null),
                List.of(secret),
                false),
        "secrets",
        "is used twice");
  }

  @Test
  void theActiveGracePeriodIsWholeSecondsZeroOrMore() {
    var in = input("rolloutActiveGracePeriod", 90);
    var spec =
        new ContainerSpec(
            "MyContainer", "w-mycontainer", Optional.empty(), new PrebuiltImage("x:1"));
    assertThat(
            resolver
                .containers(List.of(spec), List.of(in), Set.of())
                .get(0)
                .rollout()
                .activeGracePeriod())
        .isEqualTo(90);
    var negative = input("rolloutActiveGracePeriod", -1);
    refused(
        () -> resolver.containers(List.of(spec), List.of(negative), Set.of()),
        "activeGracePeriod",
        "is negative");
  }
}
