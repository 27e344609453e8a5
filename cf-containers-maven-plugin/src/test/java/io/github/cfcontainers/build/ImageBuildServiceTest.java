package io.github.cfcontainers.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.RecordingReporter;
import io.github.cfcontainers.config.ContainerSpec;
import io.github.cfcontainers.config.PrebuiltImage;
import io.github.cfcontainers.config.TestSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuildServiceTest {

  private static final String ID = "sha256:" + "ab12cd34ef56".repeat(5) + "abcd";

  @TempDir Path dir;

  private final FakeBuildEngine engine = new FakeBuildEngine();

  {
    engine.imageId = ID;
    engine.imageSize = 3 * 1024 * 1024;
    engine.output =
        List.of("Step 1/2 : FROM scratch", " ---> abc", "Step 2/2 : COPY a /a", " ---> def");
  }

  private final RecordingReporter reporter = RecordingReporter.everythingMarked();
  private final List<String> lines = reporter.lines;

  private ContainerSpec built(String className, String name, String tag) throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    return new ContainerSpec(
        className,
        name,
        Optional.ofNullable(tag),
        TestSpecs.dockerfileBuild(dir, "linux/amd64", false));
  }

  private BuildSettings settings(
      boolean dev, boolean verbose, boolean offline, ContainerSpec... specs) {
    return new BuildSettings(
        "my-worker", List.of(specs), dev, verbose, offline, dir.resolve("out"), null);
  }

  @Test
  void tagIsDerivedFromTheImageIdAndBuildJsonIsWritten() throws IOException {
    var report =
        new ImageBuildService(engine, reporter)
            .build(
                settings(false, false, false, built("MyContainer", "my-worker-mycontainer", null)));

    var image = report.containers().get(0);
    assertThat(image.tag()).isEqualTo("ab12cd34ef56");
    assertThat(image.image()).isEqualTo("my-worker-mycontainer:ab12cd34ef56");
    assertThat(image.imageId()).isEqualTo(ID);
    assertThat(image.size()).isEqualTo(3L * 1024 * 1024);
    assertThat(image.platform()).isEqualTo("linux/amd64");
    assertThat(engine.references).containsEntry("my-worker-mycontainer:ab12cd34ef56", ID);
    assertThat(engine.buildLabels)
        .singleElement()
        .satisfies(
            labels ->
                assertThat(labels)
                    .containsEntry("io.github.cfcontainers.class", "MyContainer")
                    .containsEntry("io.github.cfcontainers.worker", "my-worker"));
    assertThat(BuildReportFile.read(dir.resolve("out"))).isEqualTo(report);
    assertThat(lines)
        .contains(
            "INFO Built my-worker-mycontainer:ab12cd34ef56 (ab12cd34ef56, 3.0 MiB, linux/amd64)");
  }

  @Test
  void configuredTagAndDevModePrefix() throws IOException {
    var report =
        new ImageBuildService(engine, reporter)
            .build(settings(true, false, false, built("MyContainer", "app", "v7")));

    assertThat(report.dev()).isTrue();
    assertThat(report.containers().get(0).image()).isEqualTo("cloudflare-dev/app:v7");
    assertThat(engine.references).containsKey("cloudflare-dev/app:v7");
  }

  @Test
  void stepsAreInfoAndOtherOutputIsDebugUnlessVerbose() throws IOException {
    new ImageBuildService(engine, reporter)
        .build(settings(false, false, false, built("A", "a", null)));
    assertThat(lines).contains("INFO   Step 1/2 : FROM scratch", "DEBUG    ---> abc");

    lines.clear();
    new ImageBuildService(engine, reporter)
        .build(settings(false, true, false, built("A", "a", null)));
    assertThat(lines).contains("INFO   Step 1/2 : FROM scratch", "INFO    ---> abc");
    assertThat(Files.readAllLines(dir.resolve("out/a-build.log")))
        .containsExactlyElementsOf(engine.output);
  }

  @Test
  void failureShowsOnlyTheFailingStepAndWritesNoReport() throws IOException {
    engine.output =
        List.of("Step 1/2 : RUN echo one", "one", "Step 2/2 : RUN echo two && exit 3", "two");
    engine.failure = "The command '/bin/sh -c echo two && exit 3' returned a non-zero code: 3";

    assertThatThrownBy(
            () ->
                new ImageBuildService(engine, reporter)
                    .build(settings(false, false, false, built("A", "a", null))))
        .isInstanceOfSatisfying(
            ImageBuildFailedException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("The image build of A (a) failed: The command")
                  .contains("\n  Step 2/2 : RUN echo two && exit 3\n  two\n")
                  .doesNotContain("  one")
                  .endsWith("Whole build output: " + dir.resolve("out/a-build.log"));
            });
    assertThat(dir.resolve("out/build.json")).doesNotExist();
  }

  @Test
  void prebuiltImagesNeedNoEngine() {
    var report =
        new ImageBuildService(engine, reporter)
            .build(
                settings(
                    false,
                    false,
                    false,
                    new ContainerSpec(
                        "A", "a", Optional.empty(), new PrebuiltImage("docker.io/acme/app:1"))));

    assertThat(engine.calls).isEmpty();
    assertThat(report.containers().get(0).prebuilt()).isTrue();
    assertThat(report.containers().get(0).image()).isEqualTo("docker.io/acme/app:1");
  }

  @Test
  void pullWhileOfflineIsRefusedBeforeTheEngineIsUsed() throws IOException {
    var spec = built("A", "a", null);
    var pulling =
        new ContainerSpec(
            "A", "a", Optional.empty(), TestSpecs.dockerfileBuild(dir, "linux/amd64", true));

    assertThatThrownBy(
            () ->
                new ImageBuildService(engine, reporter)
                    .build(settings(false, false, true, pulling)))
        .isInstanceOfSatisfying(
            InvalidSettingException.class, e -> assertThat(e.setting().path()).endsWith("pull"));
    assertThat(engine.calls).isEmpty();

    // Offline without pull builds as usual.
    new ImageBuildService(engine, reporter).build(settings(false, false, true, spec));
    assertThat(engine.calls).contains("ping");
  }

  @Test
  void nonCloudflarePlatformWarns() throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    var arm =
        new ContainerSpec(
            "A", "a", Optional.empty(), TestSpecs.dockerfileBuild(dir, "linux/arm64", false));
    new ImageBuildService(engine, reporter).build(settings(false, false, false, arm));
    assertThat(lines)
        .anyMatch(l -> l.startsWith("WARN ") && l.contains("Cloudflare runs only linux/amd64"));
  }
}
