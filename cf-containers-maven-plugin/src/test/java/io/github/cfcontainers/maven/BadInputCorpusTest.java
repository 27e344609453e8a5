// Over 300 lines: the corpus: one case per bad input, each with the message users must see.
package io.github.cfcontainers.maven;

import static io.github.cfcontainers.maven.MojoTestSupport.printed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #9 item 7: bad configurations, each run through the real mojo against the real emulator.
 * Each must fail the way Maven reports a plugin error, with a message naming the element (and -D
 * property) and the fix, and with no request but reads in the emulator's log. The
 * registry-credentials POST counts as a write here: every check of an input comes before it, so an
 * input error never mints push credentials, and without them nothing can be pushed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

  private CorpusGround ground;

  @TempDir Path base;

  @BeforeAll
  void start() throws Exception {
    ground = new CorpusGround();
  }

  @AfterAll
  void stop() {
    if (ground != null) {
      ground.close();
    }
  }

  @BeforeEach
  void reset() {
    ground.reset();
  }

  enum Goal {
    BUILD(BuildMojo::new),
    DEPLOY(DeployMojo::new),
    PLAN(PlanMojo::new),
    DESTROY(DestroyMojo::new),
    STATUS(StatusMojo::new);

    final Supplier<AbstractCfMojo> mojo;

    Goal(Supplier<AbstractCfMojo> mojo) {
      this.mojo = mojo;
    }
  }

  interface Edit {
    void apply(CorpusProject p) throws Exception;
  }

  /**
   * One bad input. {@code setting} is what the "Setting:" line must start with (the element, the
   * container, the -D property), null for a failure that is not about one setting; {@code says} are
   * parts the message must contain, the fix among them.
   */
  record Case(
      String name, String description, Goal goal, Edit edit, String setting, List<String> says) {
    @Override
    public String toString() {
      return name + ": " + description;
    }
  }

  private static final String C = "<containers><container>";

  private static Case bad(
      String name, String description, Goal goal, Edit edit, String setting, String... says) {
    return new Case(name, description, goal, edit, setting, Arrays.asList(says));
  }

  private static Case deploy(
      String name, String description, Edit edit, String setting, String... says) {
    return bad(name, description, Goal.DEPLOY, edit, setting, says);
  }

  static List<Case> cases() {
    var all = new ArrayList<Case>();
    all.addAll(names());
    all.addAll(images());
    all.addAll(sizes());
    all.addAll(placementAndRollout());
    all.addAll(worker());
    all.addAll(connection());
    all.addAll(otherGoals());
    return all;
  }

  private static List<Case> names() {
    return List.of(
        deploy(
            "className-missing",
            "a <container> without <className>",
            p -> p.first().className = null,
            C + "<className> of container #1",
            "Container #1 has no className.",
            "Fix: "),
        deploy(
            "className-blank",
            "<className> of only spaces",
            p -> p.first().className = "  ",
            C + "<className> of container #1",
            "has no className",
            "Fix: "),
        deploy(
            "className-missing-second",
            "the second <container> without <className>",
            p -> p.containers.add(new Container()),
            C + "<className> of container #2",
            "Container #2 has no className."),
        deploy(
            "className-dash",
            "<className>my-container</className> is no JavaScript class",
            p -> p.first().className = "my-container",
            C + "<className> of container my-container",
            "'my-container' is not a JavaScript class name."),
        bad(
            "className-digit",
            "cf:build: a class name starting with a digit",
            Goal.BUILD,
            p -> p.first().className = "1Container",
            C + "<className>",
            "is not a JavaScript class name"),
        deploy(
            "className-duplicate",
            "two containers of the same class",
            p -> {
              var second = p.container("MyContainer");
              second.name = "orders-other";
              p.containers.add(second);
            },
            C + "<className> of container MyContainer",
            "share the className 'MyContainer'",
            "give every container its own className"),
        deploy(
            "name-duplicate",
            "two containers with the same <name>",
            p -> {
              p.first().name = "shared";
              var second = p.container("Second");
              second.name = "shared";
              p.containers.add(second);
            },
            C + "<name> of container Second",
            "share the name 'shared'",
            "give every container its own name"),
        deploy(
            "name-uppercase",
            "<name>My-App</name>",
            p -> p.first().name = "My-App",
            C + "<name> of container MyContainer",
            "The container name 'My-App' is not valid."),
        deploy(
            "name-trailing-dash",
            "<name>orders-</name>",
            p -> p.first().name = "orders-",
            C + "<name>",
            "'orders-' is not valid"),
        deploy(
            "name-too-long",
            "a <name> of 64 characters",
            p -> p.first().name = "a".repeat(64),
            C + "<name>",
            "is not valid",
            "at most 63"),
        deploy(
            "name-default-invalid",
            "the default <workerName>-<className> name is not valid (orders_-…)",
            p -> p.workerName = "orders_",
            C + "<name>",
            "The default container name",
            "set <name> explicitly"),
        deploy(
            "containers-none",
            "no <containers> at all",
            p -> p.containers.clear(),
            "<containers>",
            "No container is configured.",
            "add <containers><container><className>"),
        deploy(
            "workerName-uppercase",
            "<workerName>Orders</workerName>",
            p -> p.workerName = "Orders",
            "<workerName>, or -Dcf.workerName",
            "'Orders' is not a valid Cloudflare Worker name."),
        deploy(
            "workerName-too-long",
            "a Worker name of 64 characters",
            p -> p.workerName = "a".repeat(64),
            "<workerName>, or -Dcf.workerName",
            "is not a valid Cloudflare Worker name",
            "63"),
        deploy(
            "workerName-leading-dash",
            "<workerName>-orders</workerName>",
            p -> p.workerName = "-orders",
            "<workerName>, or -Dcf.workerName",
            "'-orders' is not a valid"),
        deploy(
            "workerName-trailing-dash",
            "<workerName>orders-</workerName>",
            p -> p.workerName = "orders-",
            "<workerName>, or -Dcf.workerName",
            "'orders-' is not a valid"),
        deploy(
            "workerName-empty",
            "an empty Worker name",
            p -> p.workerName = "",
            "<workerName>, or -Dcf.workerName",
            "The Worker name is empty."),
        deploy(
            "workerName-property",
            "-Dcf.workerName=orders.staging",
            p -> p.user.setProperty("cf.workerName", "orders.staging"),
            "<workerName>, or -Dcf.workerName",
            "'orders.staging' is not a valid"),
        deploy(
            "binding-dash",
            "<binding>my-binding</binding>",
            p -> p.first().binding = "my-binding",
            C + "<binding> of container MyContainer",
            "The binding name 'my-binding' is not valid.",
            "use a JavaScript identifier"),
        deploy(
            "binding-duplicate",
            "two containers with the same <binding>",
            p -> {
              p.first().binding = "SAME";
              var second = p.container("Second");
              second.binding = "SAME";
              p.containers.add(second);
            },
            C + "<binding> of container Second",
            "is used twice in the Worker",
            "give each container"),
        deploy(
            "binding-clashes-with-var",
            "a <vars> entry named like the container's default binding",
            p -> p.worker.vars = Map.of("MY_CONTAINER", "x"),
            C + "<binding> of container MyContainer",
            "MY_CONTAINER",
            "used twice"),
        deploy(
            "renamedFrom-itself",
            "<renamedFrom> equal to <className>",
            p -> p.first().renamedFrom = "MyContainer",
            C + "<renamedFrom>",
            "'MyContainer' is not a previous class name of MyContainer",
            "or remove it"),
        deploy(
            "renamedFrom-dash",
            "<renamedFrom>old-name</renamedFrom>",
            p -> p.first().renamedFrom = "old-name",
            C + "<renamedFrom>",
            "'old-name' is not a previous class name"));
  }

  private static List<Case> images() {
    return List.of(
        deploy(
            "tag-invalid",
            "<tag>-bad</tag> on a built container",
            p -> {
              p.first().image = null;
              p.first().tag = "-bad";
            },
            C + "<tag>",
            "The tag '-bad' is not a valid image tag."),
        deploy(
            "tag-with-image",
            "<tag> together with a prebuilt <image>",
            p -> p.first().tag = "2",
            C + "<tag>",
            "<tag> applies to built images",
            "put the tag into <image>"),
        deploy(
            "image-and-build",
            "both <image> and <build>",
            p -> p.first().build = new Build(),
            C + "<image>",
            "Both <image> and <build> are set",
            "not both"),
        deploy(
            "image-malformed",
            "<image>Orders/App:1</image> (upper case)",
            p -> p.first().image = "Orders/App:1",
            C + "<image>",
            "is not a valid image reference",
            "lower-case repository"),
        deploy(
            "image-other-account",
            "an image in the account registry of another account",
            p -> p.first().image = p.ground.registry + "/" + "0".repeat(32) + "/app:1",
            C + "<image>",
            "belongs to the account 00000000000000000000000000000000",
            "use an image of this account"),
        deploy(
            "image-latest",
            "a prebuilt image tagged latest, which Cloudflare refuses at application create",
            p -> p.first().image = p.accountImage("mycontainer:latest"),
            C + "<image>",
            "tagged \"latest\"",
            "Nothing was changed.",
            "pin a tag"),
        deploy(
            "image-untagged",
            "an untagged Docker Hub image (that is :latest)",
            p -> p.first().image = "docker.io/library/busybox",
            C + "<image>",
            "tagged \"latest\"",
            "pin a tag"),
        deploy(
            "image-local-latest",
            "a local image name:latest, which the deploy would push as latest",
            p -> p.first().image = "myapp:latest",
            C + "<image>",
            "tagged \"latest\"",
            "<image>myapp:1.0</image>"),
        deploy(
            "tag-latest",
            "<tag>latest</tag> on a built container: it would be pushed as latest",
            p -> {
              p.first().image = null;
              p.first().tag = "latest";
            },
            C + "<tag>",
            "\"latest\"",
            "Nothing was changed.",
            "remove <tag>"),
        deploy(
            "image-local-digest",
            "a local image named by digest (no tag to push)",
            p -> p.first().image = "app@sha256:" + "a".repeat(64),
            C + "<image>",
            "named by digest",
            "write it as name:tag"),
        deploy(
            "image-unsupported-registry",
            "an image on ghcr.io, which Cloudflare cannot pull from",
            p -> p.first().image = "ghcr.io/acme/app:1",
            C + "<image>",
            "a registry Cloudflare cannot pull from",
            "Nothing was changed.",
            "Amazon ECR"),
        deploy(
            "image-ecr-unconfigured",
            "an ECR image the account has not configured",
            p -> p.first().image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1",
            C + "<image>",
            "a registry this account has not configured",
            "wrangler containers registries configure"),
        bad(
            "dockerfile-missing",
            "cf:build of a project without a Dockerfile",
            Goal.BUILD,
            p -> {
              p.first().image = null;
              Files.delete(p.base.resolve("Dockerfile"));
            },
            C + "<build><dockerfile>",
            "No Dockerfile at",
            "add a Dockerfile"),
        deploy(
            "dockerfile-wrong",
            "<dockerfile>Dockerfile.prod</dockerfile> that does not exist",
            p -> {
              p.first().image = null;
              p.first().build = new Build();
              p.first().build.dockerfile = "Dockerfile.prod";
            },
            C + "<build><dockerfile>",
            "Dockerfile.prod",
            "fix <dockerfile>"),
        bad(
            "context-missing",
            "<context>docker</context> that does not exist",
            Goal.BUILD,
            p -> {
              p.first().image = null;
              p.first().build = new Build();
              p.first().build.context = "docker";
            },
            C + "<build><context>",
            "does not exist.",
            "point <context> at the directory"),
        bad(
            "context-file",
            "<context> naming a file",
            Goal.BUILD,
            p -> {
              p.first().image = null;
              p.first().build = new Build();
              p.first().build.context = "Dockerfile";
            },
            C + "<build><context>",
            "is not a directory."),
        bad(
            "platform-unknown",
            "<platform>windows/amd64</platform>",
            Goal.BUILD,
            p -> {
              p.first().image = null;
              p.first().build = new Build();
              p.first().build.platform = "windows/amd64";
            },
            C + "<build><platform>",
            "Unknown platform 'windows/amd64'",
            "use linux/amd64"),
        bad(
            "build-arg-unnamed",
            "a <args> entry without a name",
            Goal.BUILD,
            p -> {
              p.first().image = null;
              p.first().build = new Build();
              var args = new LinkedHashMap<String, String>();
              args.put(" ", "x");
              p.first().build.args = args;
            },
            C + "<build><args>",
            "An entry of <args> has no name.",
            "<NAME>value</NAME>"),
        bad(
            "pull-offline",
            "cf:build -o with <pull>true</pull>",
            Goal.BUILD,
            p -> {
              p.offline = true;
              p.worker = null; // no Worker project: cf:build goes on to the images
              p.first().image = null;
              p.first().build = new Build();
              p.first().build.pull = true;
            },
            C + "<build><pull>",
            "Maven is offline (-o)",
            "set <pull>false</pull>"),
        deploy(
            "class-not-exported",
            "the Worker bundle does not export the container's class",
            p -> p.exports = new ArrayList<>(List.of("Second")),
            C + "<className> of container MyContainer",
            "The Worker bundle in build.json does not export the class MyContainer (it exports Second).",
            "or fix <className>"),
        deploy(
            "no-worker-bundle",
            "build.json without a Worker bundle",
            p -> p.bundle = false,
            null,
            "build.json has no Worker bundle",
            "run 'mvn package'"),
        deploy(
            "no-build-json",
            "cf:deploy before cf:build",
            p -> p.writeBuildJson = false,
            null,
            "build.json: run 'mvn package'"),
        deploy(
            "build-json-corrupt",
            "a truncated build.json",
            p -> p.buildJsonText = "{\"worker\":",
            null,
            "Cannot read",
            "build.json",
            "run 'mvn package'"),
        deploy(
            "build-json-stale",
            "build.json without the image of a configured container",
            p ->
                p.buildJsonText =
                    "{\"worker\":\"orders\",\"dev\":false,\"workerBundle\":{\"directory\":\"w\","
                        + "\"mainModule\":\"worker.js\",\"sha256\":\"0\",\"exports\":[\"MyContainer\"]},\"containers\":[]}",
            null,
            "build.json has no image for MyContainer",
            "run 'mvn package'"));
  }

  private static List<Case> sizes() {
    return List.of(
        deploy(
            "instanceType-unknown",
            "<instanceType>huge</instanceType>",
            p -> p.first().instanceType = "huge",
            C + "<instanceType>",
            "Unknown instance type 'huge'.",
            "use one of"),
        deploy(
            "instanceType-and-custom",
            "<instanceType> together with <vcpu>",
            p -> {
              p.first().instanceType = "basic";
              p.first().vcpu = "1";
            },
            C + "<instanceType>",
            "sets both <instanceType> and a custom size",
            "keep one"),
        deploy(
            "custom-incomplete",
            "<vcpu> without <memoryMib> and <diskMb>",
            p -> p.first().vcpu = "1",
            C + "<memoryMib>",
            "A custom size needs <vcpu>, <memoryMib> and <diskMb>",
            "set all three"),
        deploy(
            "vcpu-too-small",
            "a custom size of 0.5 vCPU",
            p -> custom(p, "0.5", "4096", "4000"),
            C + "<vcpu>",
            "0.5 vCPU",
            "use 1 to 4 vCPU"),
        deploy(
            "vcpu-too-large",
            "a custom size of 8 vCPU",
            p -> custom(p, "8", "32768", "20000"),
            C + "<vcpu>",
            "8.0 vCPU",
            "use 1 to 4 vCPU"),
        deploy(
            "vcpu-not-a-number",
            "<vcpu>two</vcpu>",
            p -> custom(p, "two", "8192", "4000"),
            C + "<vcpu>",
            "<vcpu> of container MyContainer is 'two', not a number."),
        deploy(
            "memory-per-vcpu",
            "2 vCPU with 4096 MiB (needs 3 GiB per vCPU)",
            p -> custom(p, "2", "4096", "4000"),
            C + "<memoryMib>",
            "too little memory for 2.0 vCPU",
            "6144 MiB or more"),
        deploy(
            "disk-per-gib",
            "9000 MB of disk with 4096 MiB (2 GB per GiB)",
            p -> custom(p, "1", "4096", "9000"),
            C + "<diskMb>",
            "does not fit 4096 MiB",
            "8000 MB or less"),
        deploy(
            "disk-zero",
            "<diskMb>0</diskMb>",
            p -> custom(p, "1", "4096", "0"),
            C + "<diskMb>",
            "A custom size has 0 MB of disk.",
            "use 1 to 8000 MB"),
        deploy(
            "memory-over-account-limit",
            "4 vCPU / 16 GiB: more memory per instance than the account allows",
            p -> custom(p, "4", "16384", "20000"),
            C + "<memoryMib>",
            "more than the 12288 the account allows",
            "Nothing was changed.",
            "pick a smaller"),
        deploy(
            "disk-over-account-limit",
            "20001 MB of disk: more per instance than the account allows",
            p -> custom(p, "4", "12288", "20001"),
            C + "<diskMb>",
            "more than the 20000 the account allows",
            "Nothing was changed."),
        deploy(
            "vcpu-missing",
            "<memoryMib> and <diskMb> without <vcpu>",
            p -> custom(p, null, "4096", "4000"),
            C + "<vcpu>",
            "A custom size needs <vcpu>"),
        deploy(
            "total-over-account-limit",
            "1000 x standard-4 exceeds the account's total vCPU",
            p -> {
              p.first().instanceType = "standard-4";
              p.first().maxInstances = "1000";
            },
            C + "<maxInstances>",
            "more than the account's total of 1500",
            "lower <maxInstances>"),
        deploy(
            "image-too-large-for-disk",
            "a 3 GB image on a lite instance (2 GB disk)",
            p -> p.imageSize = 3_000_000_000L,
            C + "<instanceType> of container MyContainer",
            "needs about 3300 MB of disk",
            "Nothing was changed.",
            "pick a larger <instanceType>"),
        deploy(
            "maxInstances-not-a-number",
            "<maxInstances>lots</maxInstances>",
            p -> p.first().maxInstances = "lots",
            C + "<maxInstances>",
            "is 'lots', not a whole number",
            "<maxInstances>20</maxInstances>"),
        deploy(
            "maxInstances-zero",
            "<maxInstances>0</maxInstances>",
            p -> p.first().maxInstances = "0",
            C + "<maxInstances>",
            "maxInstances is 0",
            "use 1 or more"),
        deploy(
            "maxInstances-negative",
            "<maxInstances>-3</maxInstances>",
            p -> p.first().maxInstances = "-3",
            C + "<maxInstances>",
            "maxInstances is -3",
            "use 1 or more"));
  }

  private static void custom(CorpusProject p, String vcpu, String memoryMib, String diskMb) {
    p.first().vcpu = vcpu;
    p.first().memoryMib = memoryMib;
    p.first().diskMb = diskMb;
  }

  private static Rollout rollout(CorpusProject p) {
    p.first().rollout = new Rollout();
    return p.first().rollout;
  }

  private static List<Case> placementAndRollout() {
    return List.of(
        deploy(
            "schedulingPolicy-unknown",
            "<schedulingPolicy>random</schedulingPolicy>",
            p -> p.first().schedulingPolicy = "random",
            C + "<schedulingPolicy>",
            "Unknown scheduling policy 'random'.",
            "use one of"),
        deploy(
            "region-empty",
            "an empty <region/>",
            p -> p.first().regions = Arrays.asList((String) null),
            C + "<regions><region>",
            "An empty <region/>",
            "remove the empty element"),
        deploy(
            "region-unknown",
            "<region>MARS</region>",
            p -> p.first().regions = List.of("MARS"),
            C + "<regions>",
            "Unknown region 'MARS'.",
            "use some of"),
        deploy(
            "jurisdiction-unknown",
            "<jurisdiction>us</jurisdiction>",
            p -> p.first().jurisdiction = "us",
            C + "<jurisdiction>",
            "Unknown jurisdiction 'us'.",
            "use eu or fedramp"),
        deploy(
            "tier-zero",
            "<tier>0</tier>",
            p -> p.first().tiers = List.of("0"),
            C + "<tiers>",
            "Tiers must be positive numbers",
            "<tiers><tier>1</tier>"),
        deploy(
            "tier-negative",
            "<tier>-1</tier>",
            p -> p.first().tiers = List.of("1", "-1"),
            C + "<tiers>",
            "Tiers must be positive numbers, got [1, -1]."),
        deploy(
            "tier-not-a-number",
            "<tier>x</tier>",
            p -> p.first().tiers = List.of("x"),
            C + "<tiers><tier>",
            "<tier> of container MyContainer is 'x'"),
        deploy(
            "rollout-strategy-unknown",
            "<strategy>blue-green</strategy>",
            p -> rollout(p).strategy = "blue-green",
            C + "<rollout><strategy>",
            "Unknown rollout strategy 'blue-green'.",
            "use rolling or immediate"),
        deploy(
            "stepPercentage-not-allowed",
            "<stepPercentage>30</stepPercentage>",
            p -> rollout(p).stepPercentage = "30",
            C + "<rollout><stepPercentage>",
            "A rollout step of 30 % is not allowed.",
            "use one of [5, 10, 20, 25, 50, 100]"),
        deploy(
            "stepPercentage-not-a-number",
            "<stepPercentage>25%</stepPercentage>",
            p -> rollout(p).stepPercentage = "25%",
            C + "<rollout><stepPercentage>",
            "is '25%'"),
        deploy(
            "steps-not-ascending",
            "<steps> 50, 10, 100",
            p -> rollout(p).steps = List.of("50", "10", "100"),
            C + "<rollout><steps>",
            "are not an ascending list within 10..100",
            "e.g. 10, 50, 100"),
        deploy(
            "steps-not-ending-at-100",
            "<steps> 10, 50",
            p -> rollout(p).steps = List.of("10", "50"),
            C + "<rollout><steps>",
            "do not end at 100",
            "end the list with 100"),
        deploy(
            "steps-out-of-range",
            "<steps> 5, 100",
            p -> rollout(p).steps = List.of("5", "100"),
            C + "<rollout><steps>",
            "not an ascending list within 10..100"),
        deploy(
            "steps-and-stepPercentage",
            "both <stepPercentage> and <steps>",
            p -> {
              rollout(p).stepPercentage = "25";
              p.first().rollout.steps = List.of("50", "100");
            },
            C + "<rollout><steps>",
            "Both <stepPercentage> and <steps> are set.",
            "keep one of them"),
        deploy(
            "immediate-with-steps",
            "an immediate rollout with a <stepPercentage>",
            p -> {
              rollout(p).strategy = "immediate";
              p.first().rollout.stepPercentage = "50";
            },
            C + "<rollout><strategy>",
            "takes no steps",
            "use the rolling strategy"));
  }

  private static List<Case> worker() {
    return List.of(
        deploy(
            "compatibilityDate-missing",
            "a <worker> without <compatibilityDate>",
            p -> p.worker.compatibilityDate = null,
            "<worker><compatibilityDate>",
            "has no compatibility date",
            "set <compatibilityDate>"),
        deploy(
            "compatibilityDate-format",
            "<compatibilityDate>01/02/2025</compatibilityDate>",
            p -> p.worker.compatibilityDate = "01/02/2025",
            "<worker><compatibilityDate>",
            "is not a date",
            "write it as YYYY-MM-DD"),
        deploy(
            "compatibilityDate-impossible",
            "<compatibilityDate>2025-02-30</compatibilityDate>",
            p -> p.worker.compatibilityDate = "2025-02-30",
            "<worker><compatibilityDate>",
            "'2025-02-30' is not"),
        deploy(
            "compatibilityDate-future",
            "a compatibility date next year",
            p -> p.worker.compatibilityDate = LocalDate.now().plusYears(1).toString(),
            "<worker><compatibilityDate>",
            "lies in the future",
            "use today's date"),
        deploy(
            "var-name-dash",
            "<vars><api-url>…</api-url></vars>",
            p -> p.worker.vars = Map.of("api-url", "x"),
            "<worker><vars>",
            "'api-url' is not a valid binding name",
            "e.g. API_URL"),
        bad(
            "worker-directory",
            "cf:build with <worker><directory> lacking package.json",
            Goal.BUILD,
            p -> p.worker.directory = "edge",
            "<worker><directory>",
            "has no package.json",
            "point <directory> at the npm project"),
        bad(
            "worker-entryPoint",
            "cf:build with <entryPoint>src/worker.py</entryPoint>",
            Goal.BUILD,
            p -> {
              Files.createDirectories(p.base.resolve("worker"));
              Files.writeString(p.base.resolve("worker/package.json"), "{}");
              p.worker.entryPoint = "src/worker.py";
            },
            "<worker><entryPoint>",
            "use a .ts, .js, .mts or .mjs file"));
  }

  private static List<Case> connection() {
    return List.of(
        deploy(
            "apiBaseUrl-malformed",
            "<apiBaseUrl>not a url</apiBaseUrl>",
            p -> p.apiBaseUrl = "not a url",
            "<apiBaseUrl>, or -Dcf.apiBaseUrl",
            "must be an http:// or https:// URL",
            "/client/v4"),
        deploy(
            "apiBaseUrl-query",
            "<apiBaseUrl> with a query",
            p -> p.apiBaseUrl = p.apiBaseUrl + "?x=1",
            "<apiBaseUrl>, or -Dcf.apiBaseUrl",
            "must not carry credentials, a query or a fragment"),
        deploy(
            "apiBaseUrl-credentials",
            "<apiBaseUrl> with user:password@",
            p -> p.apiBaseUrl = "http://user:secret@127.0.0.1:1/client/v4",
            "<apiBaseUrl>, or -Dcf.apiBaseUrl",
            "must not carry credentials"),
        deploy(
            "apiBaseUrl-env-malformed",
            "CLOUDFLARE_API_BASE_URL=ftp//x",
            p -> {
              p.apiBaseUrl = null;
              p.env.put("CLOUDFLARE_API_BASE_URL", "ftp//x");
            },
            "<apiBaseUrl>, or -Dcf.apiBaseUrl",
            "from the environment variable CLOUDFLARE_API_BASE_URL"),
        deploy(
            "apiBaseUrl-unreachable",
            "<apiBaseUrl> where nothing listens",
            p -> p.apiBaseUrl = "http://127.0.0.1:1/client/v4",
            null,
            "Cannot reach the Cloudflare API at",
            "Nothing was changed."),
        deploy(
            "apiBaseUrl-no-client-v4",
            "<apiBaseUrl> without /client/v4",
            p -> p.apiBaseUrl = p.apiBaseUrl.replace("/client/v4", ""),
            null,
            "has no route for the",
            "Nothing was changed."),
        deploy(
            "accountId-malformed",
            "<accountId>ACME</accountId>",
            p -> p.accountId = "ACME",
            "<accountId>, or -Dcf.accountId",
            "from <accountId> / -Dcf.accountId is not 32 lower-case hex",
            "copy the account id"),
        deploy(
            "accountId-env",
            "CLOUDFLARE_ACCOUNT_ID in upper case",
            p -> p.env.put("CLOUDFLARE_ACCOUNT_ID", p.ground.cf.accountId().toUpperCase()),
            "<accountId>, or -Dcf.accountId",
            "environment CLOUDFLARE_ACCOUNT_ID is not 32 lower-case hex"),
        deploy(
            "accountId-property",
            "-Dcf.accountId=12345",
            p -> p.user.setProperty("cf.accountId", "12345"),
            "<accountId>, or -Dcf.accountId",
            "is not 32 lower-case hex"),
        deploy(
            "accountId-missing",
            "no account id anywhere",
            p -> p.env.remove("CLOUDFLARE_ACCOUNT_ID"),
            "<accountId>, or -Dcf.accountId",
            "No Cloudflare account id.",
            "export CLOUDFLARE_ACCOUNT_ID"),
        deploy(
            "token-missing",
            "no API token anywhere",
            p -> p.env.remove("CLOUDFLARE_API_TOKEN"),
            "<apiToken>",
            "No Cloudflare API token.",
            "export CLOUDFLARE_API_TOKEN"),
        deploy(
            "token-unknown",
            "a token the API does not know",
            p -> p.env.put("CLOUDFLARE_API_TOKEN", "not-a-known-token"),
            null,
            "check that the API token is valid",
            "Nothing was changed."),
        deploy(
            "token-without-containers",
            "a token with Workers but not Containers permission",
            p -> p.env.put("CLOUDFLARE_API_TOKEN", CorpusGround.LIMITED_TOKEN),
            null,
            "Containers: Edit",
            "Nothing was changed."),
        deploy(
            "wait-not-boolean",
            "-Dcf.wait=maybe",
            p -> p.user.setProperty("cf.wait", "maybe"),
            "<waitForRollouts>, or -Dcf.wait",
            "-Dcf.wait=maybe is neither true nor false",
            "pass -Dcf.wait=true or -Dcf.wait=false"),
        deploy(
            "dryRun-not-boolean",
            "-Dcf.dryRun=yes",
            p -> p.user.setProperty("cf.dryRun", "yes"),
            "<dryRun>, or -Dcf.dryRun",
            "neither true nor false"),
        deploy(
            "apiBaseUrl-property",
            "-Dcf.apiBaseUrl=localhost:8787 (no scheme)",
            p -> p.user.setProperty("cf.apiBaseUrl", "localhost:8787"),
            "<apiBaseUrl>, or -Dcf.apiBaseUrl",
            "must be an http:// or https:// URL"),
        deploy(
            "registryCaFile-property",
            "-Dcf.registry.caFile=certs/ca.pem that does not exist",
            p -> p.user.setProperty("cf.registry.caFile", "certs/ca.pem"),
            "<registryCaFile>, or -Dcf.registry.caFile",
            "certs/ca.pem",
            "readable PEM file"),
        deploy(
            "devRemote-not-boolean",
            "-Dcf.dev.remote=perhaps",
            p -> p.user.setProperty("cf.dev.remote", "perhaps"),
            "<devRemote>, or -Dcf.dev.remote",
            "neither true nor false"),
        deploy(
            "registryCaFile-missing",
            "<registryCaFile> that does not exist",
            p -> p.registryCaFile = new File(p.base.toFile(), "no-such-ca.pem"),
            "<registryCaFile>, or -Dcf.registry.caFile",
            "Cannot read the registry CA file",
            "readable PEM file"),
        deploy(
            "registryCaFile-not-pem",
            "<registryCaFile> holding text, not a certificate",
            p -> {
              Files.writeString(p.base.resolve("ca.pem"), "not a certificate\n");
              p.registryCaFile = p.base.resolve("ca.pem").toFile();
            },
            "<registryCaFile>, or -Dcf.registry.caFile",
            "-----BEGIN CERTIFICATE-----"),
        deploy(
            "registryCa-env-missing",
            "CLOUDFLARE_CONTAINER_REGISTRY_CA naming a missing file",
            p -> {
              p.registryCaFile = null;
              p.env.put("CLOUDFLARE_CONTAINER_REGISTRY_CA", p.base.resolve("gone.pem").toString());
            },
            "<registryCaFile>, or -Dcf.registry.caFile",
            "Cannot read the registry CA file"),
        deploy(
            "offline-deploy",
            "mvn -o deploy",
            p -> p.offline = true,
            null,
            "cf:deploy talks to the Cloudflare API, but Maven is offline (-o): run it without -o."));
  }

  private static List<Case> otherGoals() {
    return List.of(
        bad(
            "skip-not-boolean",
            "cf:build -Dcf.skip=1",
            Goal.BUILD,
            p -> p.user.setProperty("cf.skip", "1"),
            "<skip>, or -Dcf.skip",
            "-Dcf.skip=1 is neither true nor false"),
        bad(
            "verbose-not-boolean",
            "cf:build -Dcf.verbose=loud",
            Goal.BUILD,
            p -> p.user.setProperty("cf.verbose", "loud"),
            "<verbose>, or -Dcf.verbose",
            "neither true nor false"),
        bad(
            "plan-workerName",
            "cf:plan -Dcf.workerName=Orders_Staging",
            Goal.PLAN,
            p -> p.user.setProperty("cf.workerName", "Orders_Staging"),
            "<workerName>, or -Dcf.workerName",
            "'Orders_Staging' is not a valid"),
        bad(
            "plan-offline",
            "mvn -o cf:plan",
            Goal.PLAN,
            p -> p.offline = true,
            null,
            "cf:plan talks to the Cloudflare API, but Maven is offline (-o)"),
        bad(
            "plan-region",
            "cf:plan with an unknown region",
            Goal.PLAN,
            p -> p.first().regions = List.of("XX"),
            C + "<regions>",
            "Unknown region 'XX'."),
        bad(
            "destroy-offline",
            "mvn -o cf:destroy",
            Goal.DESTROY,
            p -> p.offline = true,
            null,
            "cf:destroy talks to the Cloudflare API, but Maven is offline (-o)"),
        bad(
            "destroy-dryRun",
            "cf:destroy -Dcf.dryRun=please",
            Goal.DESTROY,
            p -> p.user.setProperty("cf.dryRun", "please"),
            "<dryRun>, or -Dcf.dryRun",
            "neither true nor false"),
        bad(
            "destroy-workerName",
            "cf:destroy -Dcf.workerName=Orders",
            Goal.DESTROY,
            p -> p.user.setProperty("cf.workerName", "Orders"),
            "<workerName>, or -Dcf.workerName",
            "is not a valid Cloudflare Worker name"),
        bad(
            "destroy-className",
            "cf:destroy with a container lacking <className>",
            Goal.DESTROY,
            p -> p.first().className = null,
            C + "<className>",
            "has no className"),
        bad(
            "destroy-token",
            "cf:destroy without a token",
            Goal.DESTROY,
            p -> p.env.remove("CLOUDFLARE_API_TOKEN"),
            "<apiToken>",
            "No Cloudflare API token."),
        bad(
            "status-offline",
            "mvn -o cf:status",
            Goal.STATUS,
            p -> p.offline = true,
            null,
            "cf:status talks to the Cloudflare API, but Maven is offline (-o)"),
        bad(
            "status-accountId",
            "cf:status with a bad account id",
            Goal.STATUS,
            p -> p.accountId = "nope",
            "<accountId>, or -Dcf.accountId",
            "is not 32 lower-case hex"),
        bad(
            "status-build-json-corrupt",
            "cf:status with a build.json that is not JSON",
            Goal.STATUS,
            p -> p.buildJsonText = "not json",
            null,
            "Cannot read",
            "build.json",
            "run 'mvn package'"),
        bad(
            "status-failOnDrift",
            "cf:status -Dcf.status.failOnDrift=often",
            Goal.STATUS,
            p -> p.user.setProperty("cf.status.failOnDrift", "often"),
            "<failOnDrift>, or -Dcf.status.failOnDrift",
            "neither true nor false"),
        bad(
            "status-compatibilityDate",
            "cf:status with a malformed compatibility date",
            Goal.STATUS,
            p -> p.worker.compatibilityDate = "tomorrow",
            "<worker><compatibilityDate>",
            "is not a date"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsBeforeAnyRemoteWrite(Case c) throws Exception {
    check(c);
  }

  // Findings not fixed here: each case fails today, for the reason in @Disabled.

  @Test
  @Disabled(
      "finding: <compatibilityFlags> are not checked at all; Cloudflare refuses an unknown flag at the Worker"
          + " upload, after the push. The flag list is Cloudflare's, but a malformed one (blank, spaces) could be refused"
          + " up front.")
  void malformedCompatibilityFlag() throws Exception {
    check(
        deploy(
            "compatibilityFlag-malformed",
            "<compatibilityFlag>nodejs compat</compatibilityFlag>",
            p -> p.worker.compatibilityFlags = List.of("nodejs compat"),
            "<worker><compatibilityFlags>",
            "nodejs compat"));
  }

  @Test
  @Disabled(
      "finding: a token the API refuses is reported without saying where it came from (<apiToken>,"
          + " CLOUDFLARE_API_TOKEN or the settings.xml server); ApiAccess builds the message in core and does not know")
  void refusedTokenNamesItsSource() throws Exception {
    check(
        deploy(
            "token-unknown-source",
            "a refused token: the message names where it was read from",
            p -> p.env.put("CLOUDFLARE_API_TOKEN", "not-a-known-token"),
            null,
            "CLOUDFLARE_API_TOKEN"));
  }

  private void check(Case c) throws Exception {
    var project = new CorpusProject(base, ground);
    c.edit().apply(project);
    var mojo = project.configure(c.goal().mojo.get());

    Throwable failure = catchThrowable(mojo::execute);

    assertThat(failure)
        .as(c.name() + ": the goal must fail as a plugin error")
        .isInstanceOfAny(MojoExecutionException.class, MojoFailureException.class);
    String printed = printed(failure);
    if (c.setting() != null) {
      assertThat(printed).as("the element").contains("\n  Setting: " + c.setting());
      assertThat(printed).as("the fix").contains("\n  Fix: ");
    }
    for (String part : c.says()) {
      assertThat(printed).contains(part);
    }
    assertThat(ground.writes())
        .as(c.name() + ": remote writes; requests " + ground.requests())
        .isEmpty();
  }

  @Test
  void theCorpusIsBroad() {
    var names = cases().stream().map(Case::name).toList();
    assertThat(names).doesNotHaveDuplicates();
    assertThat(names.size()).isGreaterThanOrEqualTo(60);
  }

  /**
   * The baseline passes every check: each case fails because of its own edit, and the log would
   * show a write.
   */
  @Test
  void theBaselineGetsPastThePreflight() throws Exception {
    var mojo = new CorpusProject(base, ground).configure(new PlanMojo());
    catchThrowable(mojo::execute);
    assertThat(ground.requests())
        .anyMatch(r -> r.startsWith("GET ") && r.contains("/containers/me"))
        .anyMatch(r -> r.startsWith("POST ") && r.contains("/credentials"));
  }
}
