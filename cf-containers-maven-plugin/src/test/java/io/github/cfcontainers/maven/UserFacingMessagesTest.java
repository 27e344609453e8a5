package io.github.cfcontainers.maven;

import static io.github.cfcontainers.maven.MojoTestSupport.printed;
import static io.github.cfcontainers.maven.MojoTestSupport.properties;
import static io.github.cfcontainers.maven.MojoTestSupport.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.config.WrittenNumbers;
import io.github.cfcontainers.worker.WorkerSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Maven prints for our failures: Maven's own exception handler renders them, as on the
 * console.
 */
class UserFacingMessagesTest {

  @TempDir Path base;

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void aMissingWorkerEntryPointIsPrintedOnce() throws Exception {
    Path worker = Files.createDirectories(base.resolve("worker"));
    Files.writeString(worker.resolve("package.json"), "{}");
    var source =
        WorkerSource.of(worker, "src/worker.ts", base.resolve("target/cf-containers/worker"));

    var failure =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            MojoFailureException.class, () -> WorkerBundling.bundle(source, Reporter.SILENT));

    String printed = printed(failure);
    assertThat(occurrences(printed, "does not exist in")).as(printed).isEqualTo(1);
    assertThat(occurrences(printed, "Fix: ")).as(printed).isEqualTo(1);
    assertThat(printed)
        .startsWith(
            "Bundling the Worker failed: The Worker entry point src/worker.ts does not exist");
  }

  @Test
  void maxInstancesThatIsNotANumberNamesTheElementAndTheFix() {
    var mojo = buildMojoWith(container("MyContainer", c -> c.maxInstances = "lots"));
    var failure =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            MojoExecutionException.class, mojo::execute);
    String printed = printed(failure);
    assertThat(printed)
        .isEqualTo(
            "Invalid plugin configuration: <maxInstances> of container MyContainer is 'lots',"
                + " not a whole number.\n  Setting: <containers><container><maxInstances> of container MyContainer"
                + "\n  Fix: write a whole number, e.g. <maxInstances>20</maxInstances>");
  }

  @Test
  void everyNumericElementIsCheckedTheSameWay() {
    assertThatThrownBy(() -> buildMojoWith(container("A", c -> c.vcpu = "half")).execute())
        .hasMessageContaining("<vcpu> of container A is 'half', not a number.")
        .hasMessageContaining("Setting: <containers><container><vcpu>");
    assertThatThrownBy(() -> buildMojoWith(container("A", c -> c.memoryMib = "1GB")).execute())
        .hasMessageContaining("<memoryMib> of container A is '1GB', not a whole number.");
    assertThatThrownBy(() -> buildMojoWith(container("A", c -> c.diskMb = "2 000")).execute())
        .hasMessageContaining("<diskMb> of container A is '2 000'");
    assertThatThrownBy(
            () -> buildMojoWith(container("A", c -> c.tiers = List.of("1", "two"))).execute())
        .hasMessageContaining("<tier> of container A is 'two'")
        .hasMessageContaining("Setting: <containers><container><tiers><tier>");
    assertThatThrownBy(
            () ->
                buildMojoWith(
                        container(
                            "A",
                            c -> {
                              c.rollout = new Rollout();
                              c.rollout.stepPercentage = "25%";
                            }))
                    .execute())
        .hasMessageContaining("<stepPercentage> of container A is '25%'")
        .hasMessageContaining("Setting: <containers><container><rollout><stepPercentage>");
  }

  @Test
  void numbersStillReachTheCore() {
    var c =
        container(
            "A",
            x -> {
              x.maxInstances = " 12 ";
              x.vcpu = "0.25";
              x.tiers = List.of("1", "2");
            });
    var mojo = buildMojoWith(c);
    var input = mojo.configuredContainers().get(0);
    var numbers = new WrittenNumbers("A");
    assertThat(numbers.whole(input.maxInstances(), "maxInstances")).isEqualTo(12);
    assertThat(numbers.decimal(input.vcpu(), "vcpu")).isEqualTo(0.25);
    assertThat(numbers.wholeList(input.tiers(), "tiers", "tier")).containsExactly(1, 2);
    assertThat(input.memoryMib()).isNull();
  }

  private interface Edit {
    void apply(Container c);
  }

  private static Container container(String className, Edit edit) {
    var c = new Container();
    c.className = className;
    edit.apply(c);
    return c;
  }

  private BuildMojo buildMojoWith(Container container) {
    var mojo = new BuildMojo();
    mojo.project = MojoTestSupport.project(base.toFile(), "jar");
    mojo.session = session(new Properties(), properties(), true);
    mojo.workerName = "orders";
    mojo.outputDirectory = base.resolve("target/cf-containers").toFile();
    mojo.containers = List.of(container);
    return mojo;
  }
}
