// Over 300 lines: one test per rule of an application's plan and apply (field diff, create, PATCH,
// rollout).
package io.github.cfcontainers.deploy;

import static io.github.cfcontainers.deploy.FakeCloudflare.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.cloudflare.CloudflareJson;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.cloudflare.model.ApplicationConstraints;
import io.github.cfcontainers.cloudflare.model.DurableObjectsRef;
import io.github.cfcontainers.common.CfException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplicationPublisherTest {

  private static final String NAME = "w-mycontainer";
  private static final String IMAGE =
      "registry.cloudflare.com/"
          + FakeCloudflare.ACCOUNT
          + "/w-mycontainer@sha256:"
          + "a".repeat(64);
  private static final String OLD_IMAGE =
      "registry.cloudflare.com/"
          + FakeCloudflare.ACCOUNT
          + "/w-mycontainer@sha256:"
          + "b".repeat(64);
  private static final String NAMESPACE = "0a0b0c0d0e0f00112233445566778899";
  private static final String OTHER_NAMESPACE = "99887766554433221100f0e0d0c0b0a0";

  private static final ContainerSize LITE = new ContainerSize.Named(InstanceType.LITE);

  private FakeCloudflare cloudflare;
  private ApplicationPublisher publisher;

  @BeforeEach
  void setUp() {
    cloudflare = new FakeCloudflare();
    publisher = new ApplicationPublisher(cloudflare.api);
  }

  @AfterEach
  void tearDown() throws IOException {
    cloudflare.close();
  }

  /**
   * The default deployment: lite, 20 instances, default scheduling, anywhere, logs on, 25 % steps.
   */
  private static ApplicationSpec container() {
    return TestSpecs.application("MyContainer", NAME, "MY_CONTAINER", "x:1", 20);
  }

  /** {@link #container()} with these settings instead. */
  private static ApplicationSpec with(
      ContainerSize size,
      Constraints constraints,
      boolean logs,
      RolloutPolicy rollout,
      boolean adopt) {
    return new ApplicationSpec(
        container().spec(),
        "MY_CONTAINER",
        size,
        20,
        "default",
        constraints,
        logs,
        rollout,
        adopt,
        null);
  }

  /** {@link #container()} with {@code <adopt>true</adopt>}. */
  private static ApplicationSpec adopting() {
    return with(LITE, Constraints.NONE, true, RolloutPolicy.DEFAULT, true);
  }

  /**
   * The remote application as the API would answer it for {@link #container()}, with the legacy
   * type name.
   */
  private static Application remote(
      ApplicationConfiguration configuration,
      Integer maxInstances,
      String policy,
      ApplicationConstraints constraints,
      String namespace) {
    return new Application(
        "app-1",
        NAME,
        3,
        null,
        FakeCloudflare.ACCOUNT,
        policy,
        0,
        maxInstances,
        configuration,
        constraints,
        new DurableObjectsRef(namespace),
        null,
        null,
        null);
  }

  private static ApplicationConfiguration remoteLite(String image, Boolean logs) {
    return ApplicationConfiguration.ofInstanceType(image, "dev", logs);
  }

  private static List<String> diff(ApplicationSpec container, Application app) {
    return ApplicationPublisher.diff(
        container, ApplicationPublisher.configuration(container, IMAGE), app);
  }

  // ------------------------------------------------------------------ diff

  @Test
  void legacyInstanceTypeNameIsNoChange() {
    var app = remote(remoteLite(IMAGE, true), 20, "default", null, NAMESPACE);

    assertThat(diff(container(), app)).isEmpty();
  }

  @Test
  void legacyStandardNameMatchesStandardOne() {
    var container =
        with(
            new ContainerSize.Named(InstanceType.STANDARD_1),
            Constraints.NONE,
            true,
            RolloutPolicy.DEFAULT,
            false);
    var app =
        remote(
            ApplicationConfiguration.ofInstanceType(IMAGE, "standard", true),
            20,
            "default",
            null,
            NAMESPACE);

    assertThat(diff(container, app)).isEmpty();
  }

  @Test
  void remoteWithoutSchedulingPolicyMeansDefault() {
    assertThat(diff(container(), remote(remoteLite(IMAGE, true), 20, null, null, NAMESPACE)))
        .isEmpty();
  }

  @Test
  void imageChangeIsOneReadableChange() {
    var app = remote(remoteLite(OLD_IMAGE, true), 20, "default", null, NAMESPACE);

    assertThat(diff(container(), app)).containsExactly("image: " + OLD_IMAGE + " -> " + IMAGE);
  }

  @Test
  void maxInstancesChangeIsOneReadableChange() {
    var app = remote(remoteLite(IMAGE, true), 5, "default", null, NAMESPACE);

    assertThat(diff(container(), app)).containsExactly("max_instances: 5 -> 20");
  }

  @Test
  void schedulingPolicyChangeIsOneReadableChange() {
    var app = remote(remoteLite(IMAGE, true), 20, "moon", null, NAMESPACE);

    assertThat(diff(container(), app)).containsExactly("scheduling_policy: moon -> default");
  }

  @Test
  void aConfiguredActiveGracePeriodIsComparedAndAnAbsentOneMeansZero() {
    var graced =
        with(LITE, Constraints.NONE, true, RolloutPolicy.DEFAULT.withActiveGracePeriod(60), false);
    var without = remote(remoteLite(IMAGE, true), 20, "default", null, NAMESPACE);
    var same =
        new Application(
            "app-1",
            NAME,
            3,
            null,
            FakeCloudflare.ACCOUNT,
            "default",
            0,
            20,
            remoteLite(IMAGE, true),
            null,
            new DurableObjectsRef(NAMESPACE),
            null,
            null,
            60);

    assertThat(diff(graced, without)).containsExactly("rollout_active_grace_period: 0 -> 60");
    assertThat(diff(graced, same)).isEmpty();
    // Not configured: whatever the application has is left alone.
    assertThat(diff(container(), same)).isEmpty();
  }

  @Test
  void instanceTypeChangeIsOneReadableChange() {
    var app =
        remote(
            ApplicationConfiguration.ofInstanceType(IMAGE, "basic", true),
            20,
            "default",
            null,
            NAMESPACE);

    assertThat(diff(container(), app)).containsExactly("instance_type: basic -> lite");
  }

  @Test
  void eachConstraintIsOneReadableChange() {
    var regions =
        with(
            LITE,
            new Constraints(List.of("ENAM", "WEUR"), null, List.of()),
            true,
            RolloutPolicy.DEFAULT,
            false);
    var jurisdiction =
        with(LITE, new Constraints(List.of(), "eu", List.of()), true, RolloutPolicy.DEFAULT, false);
    var tiers =
        with(
            LITE,
            new Constraints(List.of(), null, List.of(1, 2)),
            true,
            RolloutPolicy.DEFAULT,
            false);
    var unconstrained = remote(remoteLite(IMAGE, true), 20, "default", null, NAMESPACE);

    assertThat(diff(regions, unconstrained))
        .containsExactly("constraints.regions: null -> [ENAM, WEUR]");
    assertThat(diff(jurisdiction, unconstrained))
        .containsExactly("constraints.jurisdiction: null -> eu");
    assertThat(diff(tiers, unconstrained)).containsExactly("constraints.tiers: null -> [1, 2]");
  }

  @Test
  void sameConstraintsAndEmptyListsAreNoChange() {
    var constrained =
        with(
            LITE,
            new Constraints(List.of("ENAM"), "eu", List.of(1)),
            true,
            RolloutPolicy.DEFAULT,
            false);
    var app =
        remote(
            remoteLite(IMAGE, true),
            20,
            "default",
            new ApplicationConstraints(List.of(1), List.of("ENAM"), "eu"),
            NAMESPACE);
    var emptyLists =
        remote(
            remoteLite(IMAGE, true),
            20,
            "default",
            new ApplicationConstraints(List.of(), List.of(), null),
            NAMESPACE);

    assertThat(diff(constrained, app)).isEmpty();
    assertThat(diff(container(), emptyLists)).isEmpty();
  }

  @Test
  void removedConstraintIsAChange() {
    var app =
        remote(
            remoteLite(IMAGE, true),
            20,
            "default",
            new ApplicationConstraints(null, List.of("APAC"), null),
            NAMESPACE);

    assertThat(diff(container(), app)).containsExactly("constraints.regions: [APAC] -> null");
  }

  @Test
  void logsChangeIsOneReadableChangeAndMissingObservabilityMeansOff() {
    var noObservability = remote(remoteLite(IMAGE, null), 20, "default", null, NAMESPACE);
    var logsOn = remote(remoteLite(IMAGE, true), 20, "default", null, NAMESPACE);
    var logsOff = with(LITE, Constraints.NONE, false, RolloutPolicy.DEFAULT, false);

    assertThat(diff(container(), noObservability))
        .containsExactly("observability.logs: false -> true");
    assertThat(diff(logsOff, logsOn)).containsExactly("observability.logs: true -> false");
  }

  @Test
  void customSizeComparesVcpuMemoryAndDisk() {
    var custom =
        with(
            new ContainerSize.Custom(2.0, 8192, 16000),
            Constraints.NONE,
            true,
            RolloutPolicy.DEFAULT,
            false);
    var sameCustom =
        remote(
            ApplicationConfiguration.custom(IMAGE, 2.0, 8192, 16000, true),
            20,
            "default",
            null,
            NAMESPACE);
    var biggerDisk =
        remote(
            ApplicationConfiguration.custom(IMAGE, 2.0, 8192, 12000, true),
            20,
            "default",
            null,
            NAMESPACE);
    var named = remote(remoteLite(IMAGE, true), 20, "default", null, NAMESPACE);

    assertThat(ApplicationPublisher.configuration(custom, IMAGE).instanceType()).isNull();
    assertThat(diff(custom, sameCustom)).isEmpty();
    assertThat(diff(custom, biggerDisk)).containsExactly("disk.size_mb: 12000 -> 16000");
    assertThat(diff(custom, named))
        .containsExactly(
            "instance_type: lite -> custom",
            "vcpu: 0.0625 -> 2.0",
            "memory_mib: 256 -> 8192",
            "disk.size_mb: 2000 -> 16000");
  }

  /** A configuration as the API answers it, read by the client's own mapper. */
  private static ApplicationConfiguration answered(String sizeFields) {
    try {
      return CloudflareJson.newMapper()
          .readValue(
              "{\"image\":\""
                  + IMAGE
                  + "\","
                  + sizeFields
                  + ",\"observability\":{\"logs\":{\"enabled\":true}}}",
              ApplicationConfiguration.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> diffAgainst(ApplicationSpec container, String sizeFields) {
    return diff(container, remote(answered(sizeFields), 20, "default", null, NAMESPACE));
  }

  private static ApplicationSpec sized(ContainerSize size) {
    return with(size, Constraints.NONE, true, RolloutPolicy.DEFAULT, false);
  }

  private static final String LITE_SIZES =
      "\"vcpu\":0.0625,\"memory_mib\":256,\"disk\":{\"size_mb\":2000}";

  @Test
  void namedTypeAnsweredAsItsSizesAloneIsNoChange() {
    assertThat(diffAgainst(container(), LITE_SIZES)).isEmpty();
  }

  @Test
  void namedTypeAnsweredWithNameAndSizesIsNoChange() {
    assertThat(diffAgainst(container(), "\"instance_type\":\"lite\"," + LITE_SIZES)).isEmpty();
    assertThat(diffAgainst(container(), "\"instance_type\":\"dev\"," + LITE_SIZES)).isEmpty();
    assertThat(
            diffAgainst(
                sized(new ContainerSize.Named(InstanceType.STANDARD_1)),
                "\"instance_type\":\"standard\",\"vcpu\":0.5,\"memory_mib\":4096,\"disk\":{\"size_mb\":8000}"))
        .isEmpty();
  }

  @Test
  void everyNamedTypeAnsweredAsItsSizesIsNoChange() {
    for (InstanceType type : InstanceType.values()) {
      String sizes =
          "\"vcpu\":"
              + type.vcpu()
              + ",\"memory_mib\":"
              + type.memoryMib()
              + ",\"disk\":{\"size_mb\":"
              + type.diskMb()
              + "}";
      assertThat(diffAgainst(sized(new ContainerSize.Named(type)), sizes))
          .as(type.apiName())
          .isEmpty();
    }
  }

  @Test
  void customSizeAnsweredAsTheNamedTypeWithThoseSizesIsNoChange() {
    assertThat(
            diffAgainst(
                sized(new ContainerSize.Custom(2.0, 8192, 16000)),
                "\"instance_type\":\"standard-3\""))
        .isEmpty();
  }

  @Test
  void sizeChangeAnsweredAsSizesNamesBothTypes() {
    assertThat(
            diffAgainst(
                container(), "\"vcpu\":0.25,\"memory_mib\":1024,\"disk\":{\"size_mb\":4000}"))
        .containsExactly("instance_type: basic -> lite");
    assertThat(
            diffAgainst(
                container(),
                "\"instance_type\":\"basic\",\"vcpu\":0.25,\"memory_mib\":1024,"
                    + "\"disk\":{\"size_mb\":4000}"))
        .containsExactly("instance_type: basic -> lite");
  }

  @Test
  void namedTypeOverACustomRemoteSizeListsEachDifferingSize() {
    assertThat(
            diffAgainst(
                container(), "\"vcpu\":0.0625,\"memory_mib\":512,\"disk\":{\"size_mb\":2000}"))
        .containsExactly("instance_type: custom -> lite", "memory_mib: 512 -> 256");
  }

  @Test
  void sizeDimensionTheApiDoesNotReportIsNoFalseChange() {
    assertThat(diffAgainst(container(), "\"vcpu\":0.0625,\"memory_mib\":256")).isEmpty();
    assertThat(diffAgainst(container(), "\"vcpu\":0.0625,\"memory_mib\":1024"))
        .containsExactly("memory_mib: 1024 -> 256");
  }

  @Test
  void sizeNotReportedAtAllIsAChangeSoTheDeployStatesIt() {
    assertThat(diffAgainst(container(), "\"disk\":{}"))
        .containsExactly("instance_type: (not reported) -> lite");
    assertThat(diffAgainst(container(), "\"instance_type\":\"standard-9\""))
        .containsExactly("instance_type: standard-9 -> lite");
  }

  // ------------------------------------------------------------------ plan

  private static final String APPS = "/containers/applications";

  private void applications(String... apps) {
    cloudflare.on("GET", APPS, ok("[" + String.join(",", apps) + "]"));
    cloudflare.on("GET", APPS + "/app-1/rollouts", ok("[]"));
  }

  private static String appJson(
      String id, String name, String namespace, String image, int maxInstances) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"scheduling_policy\":\"default\",\"instances\":0,"
        + "\"max_instances\":"
        + maxInstances
        + ",\"configuration\":{\"image\":\""
        + image
        + "\",\"instance_type\":"
        + "\"dev\",\"observability\":{\"logs\":{\"enabled\":true}}},\"durable_objects\":{\"namespace_id\":\""
        + namespace
        + "\"}}";
  }

  private static PublishedImage image() {
    return new PublishedImage(
        IMAGE, "sha256:" + "a".repeat(64), PublishedImage.Outcome.ALREADY_IN_REGISTRY);
  }

  @Test
  void absentApplicationIsCreated() {
    applications(appJson("app-9", NAME + "-other", OTHER_NAMESPACE, IMAGE, 20));

    var plan = publisher.plan(container(), NAMESPACE, image());

    assertThat(plan.action()).isEqualTo(ApplicationPlan.Action.CREATE);
    assertThat(plan.existing()).isNull();
    assertThat(plan.configuration().image()).isEqualTo(IMAGE);
    assertThat(plan.configuration().instanceType()).isEqualTo("lite");
    assertThat(cloudflare.only("GET", APPS).path()).isEqualTo(APPS + "?name=" + NAME);
  }

  @Test
  void unchangedApplicationWithLegacyTypeIsNoChange() {
    applications(appJson("app-1", NAME, NAMESPACE, IMAGE, 20));

    var plan = publisher.plan(container(), NAMESPACE, image());

    assertThat(plan.action()).isEqualTo(ApplicationPlan.Action.NO_CHANGE);
    assertThat(plan.existing().id()).isEqualTo("app-1");
    assertThat(plan.describe()).isEqualTo("no change");
  }

  @Test
  void changedApplicationIsAnUpdateListingTheChanges() {
    applications(appJson("app-1", NAME, NAMESPACE, OLD_IMAGE, 10));

    var plan = publisher.plan(container(), NAMESPACE, image());

    assertThat(plan.action()).isEqualTo(ApplicationPlan.Action.UPDATE);
    assertThat(plan.changes())
        .containsExactly("image: " + OLD_IMAGE + " -> " + IMAGE, "max_instances: 10 -> 20");
    assertThat(plan.describe()).startsWith("update (image: ").endsWith(") + rollout");
  }

  @Test
  void applicationOfAnotherNamespaceIsRefusedWithoutAdopt() {
    applications(appJson("app-7", NAME, OTHER_NAMESPACE, IMAGE, 20));

    assertThatThrownBy(() -> publisher.plan(container(), NAMESPACE, image()))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("<adopt>true</adopt>")
        .hasMessageContaining("app-7")
        .hasMessageContaining(OTHER_NAMESPACE)
        .hasMessageContaining("MyContainer (w-mycontainer)");
  }

  @Test
  void applicationExistingBeforeTheWorkerCreatesItsNamespaceIsRefusedWithoutAdopt() {
    applications(appJson("app-7", NAME, OTHER_NAMESPACE, IMAGE, 20));

    assertThatThrownBy(() -> publisher.plan(container(), null, image()))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("<adopt>true</adopt>");
  }

  @Test
  void applicationOfAnotherNamespaceIsAdoptedWhenAsked() {
    applications(appJson("app-7", NAME, OTHER_NAMESPACE, IMAGE, 20));
    var adopting = adopting();

    var plan = publisher.plan(adopting, NAMESPACE, image());

    assertThat(plan.action()).isEqualTo(ApplicationPlan.Action.ADOPT);
    assertThat(plan.replaced().id()).isEqualTo("app-7");
    assertThat(plan.describe()).contains("app-7").contains("delete");
    assertThat(cloudflare.writes()).as("planning changes nothing").isEmpty();
  }

  // ------------------------------------------------------------------ apply

  private void answerUpdate() {
    cloudflare.on("PATCH", APPS + "/app-1", ok(appJson("app-1", NAME, NAMESPACE, IMAGE, 20)));
    cloudflare.on(
        "POST", APPS + "/app-1/rollouts", ok("{\"id\":\"rollout-1\",\"status\":\"pending\"}"));
  }

  private static void assertPatchBody(JsonNode patch) {
    assertThat(patch.has("name")).as("PATCH never sends name").isFalse();
    assertThat(patch.has("instances")).as("PATCH never sends instances").isFalse();
    assertThat(patch.path("max_instances").asInt()).isEqualTo(20);
    assertThat(patch.path("scheduling_policy").asText()).isEqualTo("default");
    assertThat(patch.path("configuration").path("image").asText()).isEqualTo(IMAGE);
    assertThat(patch.path("configuration").path("instance_type").asText()).isEqualTo("lite");
    assertThat(
            patch
                .path("configuration")
                .path("observability")
                .path("logs")
                .path("enabled")
                .asBoolean())
        .isTrue();
  }

  @Test
  void updatePatchesWithoutNameOrInstancesThenRollsOutInStepPercentage() {
    applications(appJson("app-1", NAME, NAMESPACE, OLD_IMAGE, 20));
    answerUpdate();
    var plan = publisher.plan(container(), NAMESPACE, image());

    var applied = publisher.apply(plan, NAMESPACE);

    assertThat(applied.application().id()).isEqualTo("app-1");
    assertThat(applied.rollout().id()).isEqualTo("rollout-1");
    assertThat(cloudflare.writes())
        .extracting(FakeCloudflare.Call::toString)
        .containsExactly("PATCH " + APPS + "/app-1", "POST " + APPS + "/app-1/rollouts");
    assertPatchBody(cloudflare.only("PATCH", APPS + "/app-1").json());
    JsonNode rollout = cloudflare.only("POST", APPS + "/app-1/rollouts").json();
    assertThat(rollout.path("strategy").asText()).isEqualTo("rolling");
    assertThat(rollout.path("kind").asText()).isEqualTo("full_auto");
    assertThat(rollout.path("step_percentage").asInt()).isEqualTo(25);
    assertThat(rollout.has("steps")).isFalse();
    assertThat(rollout.path("target_configuration"))
        .isEqualTo(cloudflare.only("PATCH", APPS + "/app-1").json().path("configuration"));
    assertThat(rollout.path("description").asText())
        .contains("image: " + OLD_IMAGE + " -> " + IMAGE);
  }

  @Test
  void updateWithExplicitStepsSendsStepsInsteadOfStepPercentage() {
    applications(appJson("app-1", NAME, NAMESPACE, OLD_IMAGE, 20));
    answerUpdate();
    var stepped =
        with(
            LITE,
            Constraints.NONE,
            true,
            new RolloutPolicy("rolling", null, List.of(10, 50, 100), null),
            false);
    var plan = publisher.plan(stepped, NAMESPACE, image());

    publisher.apply(plan, NAMESPACE);

    assertPatchBody(cloudflare.only("PATCH", APPS + "/app-1").json());
    JsonNode rollout = cloudflare.only("POST", APPS + "/app-1/rollouts").json();
    assertThat(rollout.path("strategy").asText()).isEqualTo("rolling");
    assertThat(rollout.has("step_percentage")).isFalse();
    assertThat(rollout.path("steps")).hasSize(3);
    assertThat(rollout.path("steps").findValuesAsText("percentage"))
        .containsExactly("10", "50", "100");
    assertThat(rollout.path("target_configuration").path("image").asText()).isEqualTo(IMAGE);
  }

  @Test
  void noChangeWritesNothing() {
    applications(appJson("app-1", NAME, NAMESPACE, IMAGE, 20));
    var plan = publisher.plan(container(), NAMESPACE, image());

    var applied = publisher.apply(plan, NAMESPACE);

    assertThat(applied.application().id()).isEqualTo("app-1");
    assertThat(applied.rollout()).isNull();
    assertThat(cloudflare.writes()).isEmpty();
  }

  @Test
  void createSendsTheNameZeroInstancesAndTheNamespace() {
    applications();
    cloudflare.on("POST", APPS, ok(appJson("app-new", NAME, NAMESPACE, IMAGE, 20)));
    var plan = publisher.plan(container(), NAMESPACE, image());

    var applied = publisher.apply(plan, NAMESPACE);

    assertThat(applied.application().id()).isEqualTo("app-new");
    JsonNode create = cloudflare.only("POST", APPS).json();
    assertThat(create.path("name").asText()).isEqualTo(NAME);
    assertThat(create.path("instances").asInt(-1)).isZero();
    assertThat(create.path("max_instances").asInt()).isEqualTo(20);
    assertThat(create.path("durable_objects").path("namespace_id").asText()).isEqualTo(NAMESPACE);
    assertThat(create.has("constraints")).as("no constraints configured").isFalse();
  }

  @Test
  void adoptDeletesTheOtherApplicationBeforeCreating() {
    applications(appJson("app-7", NAME, OTHER_NAMESPACE, IMAGE, 20));
    cloudflare.on("DELETE", APPS + "/app-7", ok("{}"));
    cloudflare.on("POST", APPS, ok(appJson("app-new", NAME, NAMESPACE, IMAGE, 20)));
    var adopting = adopting();
    var plan = publisher.plan(adopting, NAMESPACE, image());

    publisher.apply(plan, NAMESPACE);

    assertThat(cloudflare.writes())
        .extracting(FakeCloudflare.Call::toString)
        .containsExactly("DELETE " + APPS + "/app-7", "POST " + APPS);
  }

  // ------------------------------------------------------------------ convergence: a rollout that
  // never started

  /**
   * app-1 as {@link #appJson} answers it, with a {@code version} and, if given, an {@code
   * active_rollout_id}.
   */
  private static String appAt(int version, String activeRollout) {
    String app = appJson("app-1", NAME, NAMESPACE, IMAGE, 20);
    return app.substring(0, app.length() - 1)
        + ",\"version\":"
        + version
        + (activeRollout == null ? "" : ",\"active_rollout_id\":\"" + activeRollout + "\"")
        + "}";
  }

  private static String rolloutJson(
      String id, Integer targetVersion, String status, String targetImage) {
    return "{\"id\":\""
        + id
        + "\",\"status\":\""
        + status
        + "\""
        + (targetVersion == null
            ? ""
            : ",\"current_version\":"
                + (targetVersion - 1)
                + ",\"target_version\":"
                + targetVersion)
        + (targetImage == null
            ? ""
            : ",\"target_configuration\":{\"image\":\""
                + targetImage
                + "\",\"instance_type\":\"lite\"}")
        + "}";
  }

  private void rollouts(String... rollouts) {
    cloudflare.on("GET", APPS + "/app-1/rollouts", ok("[" + String.join(",", rollouts) + "]"));
  }

  @Test
  void configurationPatchedWithoutItsRolloutGetsTheRolloutOnTheNextDeploy() {
    applications(appAt(3, null));
    rollouts(rolloutJson("r-1", 2, "completed", OLD_IMAGE));
    cloudflare.on(
        "POST", APPS + "/app-1/rollouts", ok(rolloutJson("r-2", 4, "progressing", IMAGE)));

    var plan = publisher.plan(container(), NAMESPACE, image());
    var applied = publisher.apply(plan, NAMESPACE);

    assertThat(plan.action()).isEqualTo(ApplicationPlan.Action.ROLLOUT);
    assertThat(plan.describe())
        .isEqualTo(
            "rollout only (the configuration is not rolled out (the last rollout, r-1,"
                + " rolled out "
                + OLD_IMAGE
                + ", lite))");
    assertThat(cloudflare.writes())
        .extracting(FakeCloudflare.Call::toString)
        .containsExactly("POST " + APPS + "/app-1/rollouts");
    JsonNode rollout = cloudflare.only("POST", APPS + "/app-1/rollouts").json();
    assertThat(rollout.path("target_configuration").path("image").asText()).isEqualTo(IMAGE);
    assertThat(rollout.path("step_percentage").asInt()).isEqualTo(25);
    assertThat(rollout.path("description").asText())
        .contains("the configuration is not rolled out");
    assertThat(applied.rollout().id()).isEqualTo("r-2");
  }

  @Test
  void latestRolloutIsTheOneWithTheHighestTargetVersionWhateverTheOrder() {
    applications(appAt(3, null));
    rollouts(
        rolloutJson("r-3", 3, "completed", IMAGE), rolloutJson("r-1", 2, "completed", OLD_IMAGE));

    assertThat(publisher.plan(container(), NAMESPACE, image()).action())
        .isEqualTo(ApplicationPlan.Action.NO_CHANGE);
  }

  @Test
  void withoutATargetConfigurationTheVersionsDecide() {
    applications(appAt(3, null));
    rollouts(rolloutJson("r-1", 2, "completed", null));

    var plan = publisher.plan(container(), NAMESPACE, image());

    assertThat(plan.action()).isEqualTo(ApplicationPlan.Action.ROLLOUT);
    assertThat(plan.changes())
        .containsExactly("version 3 is not rolled out (the last rollout, r-1, targets version 2)");

    rollouts(rolloutJson("r-2", 3, "completed", null));
    assertThat(publisher.plan(container(), NAMESPACE, image()).action())
        .isEqualTo(ApplicationPlan.Action.NO_CHANGE);
  }

  @Test
  void targetConfigurationEqualToTheCurrentOneIsNoGapWhateverTheVersionsSay() {
    // Guards against a version scheme that differs from ours (e.g. the rollout bumping the version
    // again):
    // that must never mean a rollout on every deploy.
    applications(appAt(5, null));
    rollouts(rolloutJson("r-1", 3, "completed", IMAGE));

    assertThat(publisher.plan(container(), NAMESPACE, image()).action())
        .isEqualTo(ApplicationPlan.Action.NO_CHANGE);
  }

  @Test
  void patchedButNeverRolledOutApplicationGetsARollout() {
    applications(appAt(2, null));

    var plan = publisher.plan(container(), NAMESPACE, image());

    assertThat(plan.action()).isEqualTo(ApplicationPlan.Action.ROLLOUT);
    assertThat(plan.changes())
        .singleElement()
        .asString()
        .contains("version 2 was never rolled out");
  }

  @Test
  void freshApplicationWithoutRolloutsIsNoChange() {
    applications(appAt(1, null));

    assertThat(publisher.plan(container(), NAMESPACE, image()).action())
        .isEqualTo(ApplicationPlan.Action.NO_CHANGE);
  }

  @Test
  void withoutVersionsTheLatestTargetConfigurationDecides() {
    applications(appJson("app-1", NAME, NAMESPACE, IMAGE, 20));
    rollouts(
        "{\"id\":\"r-1\",\"created_at\":\"2026-11-30T10:00:00Z\",\"target_configuration\":{\"image\":\""
            + IMAGE
            + "\"}}",
        "{\"id\":\"r-2\",\"created_at\":\"2026-12-01T10:00:00Z\",\"target_configuration\":"
            + "{\"image\":\""
            + OLD_IMAGE
            + "\"}}");

    var plan = publisher.plan(container(), NAMESPACE, image());

    assertThat(plan.action()).isEqualTo(ApplicationPlan.Action.ROLLOUT);
    assertThat(plan.changes()).singleElement().asString().contains("r-2").contains(OLD_IMAGE);

    rollouts(
        "{\"id\":\"r-3\",\"created_at\":\"2026-12-01T11:00:00Z\",\"target_configuration\":{\"image\":\""
            + IMAGE
            + "\",\"vcpu\":0.0625,\"memory_mib\":256,\"disk\":{\"size_mb\":2000}}}");
    assertThat(publisher.plan(container(), NAMESPACE, image()).action())
        .isEqualTo(ApplicationPlan.Action.NO_CHANGE);
  }

  @Test
  void activeRolloutToTheCurrentVersionIsLeftToFinish() {
    applications(appAt(3, "r-2"));
    rollouts(rolloutJson("r-2", 3, "progressing", IMAGE));

    assertThat(publisher.plan(container(), NAMESPACE, image()).action())
        .isEqualTo(ApplicationPlan.Action.NO_CHANGE);
  }

  @Test
  void activeRolloutToAnOlderVersionIsReplaced() {
    applications(appAt(4, "r-2"));
    rollouts(rolloutJson("r-2", 3, "progressing", OLD_IMAGE));

    assertThat(publisher.plan(container(), NAMESPACE, image()).action())
        .isEqualTo(ApplicationPlan.Action.ROLLOUT);
  }

  @Test
  void rolloutsWithoutTheFieldsToDecideChangeNothing() {
    applications(appJson("app-1", NAME, NAMESPACE, IMAGE, 20));
    rollouts("{\"id\":\"r-1\"}", "{}");

    assertThat(publisher.plan(container(), NAMESPACE, image()).action())
        .isEqualTo(ApplicationPlan.Action.NO_CHANGE);
    rollouts("{\"id\":\"r-1\",\"target_version\":\"not a number\"}");
    assertThat(publisher.plan(container(), NAMESPACE, image()).action())
        .isEqualTo(ApplicationPlan.Action.NO_CHANGE);
  }
}
