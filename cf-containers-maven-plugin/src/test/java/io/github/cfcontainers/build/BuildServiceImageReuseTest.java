package io.github.cfcontainers.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.common.RecordingReporter;
import io.github.cfcontainers.config.ContainerConfig;
import io.github.cfcontainers.config.Written;
import io.github.cfcontainers.docker.DockerContextDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The image content key: an unchanged project reuses its image, every input that matters not. */
class BuildServiceImageReuseTest {

  @TempDir Path base;

  private final FakeBuildEngine engine = new FakeBuildEngine();
  private final RecordingReporter reporter = RecordingReporter.withDebug();
  private final List<String> log = reporter.lines;

  @BeforeEach
  void project() throws Exception {
    Files.writeString(base.resolve("Dockerfile"), "FROM busybox:1.36\nCOPY www /www\n");
    Files.createDirectories(base.resolve("www"));
    Files.writeString(base.resolve("www/index.html"), "hello");
    Files.writeString(base.resolve(".dockerignore"), "notes.txt\n");
    Files.writeString(base.resolve("notes.txt"), "not sent");
    Files.createSymbolicLink(base.resolve("www/link"), Path.of("index.html"));
  }

  static Written.Build build(Map<String, String> args) {
    return new Written.Build(null, null, null, args, null, Map.of("team", "a"), null, null);
  }

  static ContainerConfig container(String tag, Written.Build build) {
    return Written.container("MyContainer", null, tag, null, build);
  }

  private BuildRequest request(ContainerConfig container, boolean dev) {
    return BuildRequests.of(base, container, dev, base.resolve("target/cf-containers"));
  }

  private BuildReport build(BuildRequest request) {
    WorkerBuild.Bundler noWorker =
        (source, r) -> {
          throw new AssertionError("no Worker in this project");
        };
    return new BuildService(engine, new DockerContextDigest(), noWorker, reporter).build(request);
  }

  private BuildRequest plain() {
    return request(container(null, build(Map.of("A", "1"))), false);
  }

  @Test
  void anUnchangedProjectReusesItsImageAfterOneInspect() {
    var first = build(plain());
    engine.calls.clear();
    log.clear();

    var second = build(plain());

    assertThat(engine.calls)
        .as(log.toString())
        .containsExactly("inspect busybox:1.36", "inspect " + first.containers().get(0).image());
    assertThat(second).isEqualTo(first);
    assertThat(first.containers().get(0).contentKey()).matches("[0-9a-f]{64}");
    assertThat(log)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "MyContainer (my-worker-mycontainer) unchanged since the last build: ")
                    .contains(first.containers().get(0).contentKey().substring(0, 12))
                    .contains("reusing " + first.containers().get(0).image()));
    assertThat(BuildReportFile.read(base.resolve("target/cf-containers"))).isEqualTo(first);
  }

  @Test
  void aTouchedButUnchangedFileOrAnIgnoredFileKeepsTheKey() throws Exception {
    build(plain());
    Files.setLastModifiedTime(base.resolve("www/index.html"), FileTime.fromMillis(1_000));
    Files.writeString(base.resolve("notes.txt"), "changed, but .dockerignore keeps it out");

    build(plain());

    assertThat(engine.buildCount()).isEqualTo(1);
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("a file in the context", (Change) dir -> write(dir, "www/index.html", "bye")),
        Arguments.of("a new file", (Change) dir -> write(dir, "www/new.html", "new")),
        Arguments.of(
            "the Dockerfile", (Change) dir -> write(dir, "Dockerfile", "FROM busybox:1.37\n")),
        Arguments.of(".dockerignore", (Change) dir -> write(dir, ".dockerignore", "")),
        Arguments.of(
            "a symlink's target",
            (Change)
                dir -> {
                  Files.delete(dir.resolve("www/link"));
                  Files.createSymbolicLink(dir.resolve("www/link"), Path.of("other.html"));
                }),
        Arguments.of(
            "a file's mode",
            (Change)
                dir ->
                    Files.setPosixFilePermissions(
                        dir.resolve("www/index.html"),
                        PosixFilePermissions.fromString("rwxr-xr-x"))));
  }

  @FunctionalInterface
  interface Change {
    void apply(Path dir) throws Exception;
  }

  static void write(Path dir, String file, String text) throws Exception {
    Files.writeString(dir.resolve(file), text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void aChangedContextRebuilds(String what, Change change) throws Exception {
    build(plain());
    change.apply(base);

    build(plain());

    assertThat(engine.buildCount()).isEqualTo(2);
  }

  static Stream<Arguments> settings() {
    UnaryOperator<Written.Build> same = b -> b;
    return Stream.of(
        Arguments.of("a build arg", input(null, b -> build(Map.of("A", "2"))), false),
        Arguments.of("a new build arg", input(null, b -> build(Map.of("A", "1", "B", "x"))), false),
        Arguments.of("a label", input(null, b -> withLabels(b, Map.of("team", "b"))), false),
        Arguments.of("the target", input(null, b -> with(b, "final", null, null, null)), false),
        Arguments.of(
            "the platform", input(null, b -> with(b, null, "linux/arm64", null, null)), false),
        Arguments.of("noCache", input(null, b -> with(b, null, null, true, null)), false),
        Arguments.of("pull", input(null, b -> with(b, null, null, null, true)), false),
        Arguments.of("a fixed tag", input("v1", same), false),
        Arguments.of("dev mode", input(null, same), true));
  }

  static ContainerConfig input(String tag, UnaryOperator<Written.Build> change) {
    return container(tag, change.apply(build(Map.of("A", "1"))));
  }

  static Written.Build with(
      Written.Build b, String target, String platform, Boolean noCache, Boolean pull) {
    return new Written.Build(
        b.context(), b.dockerfile(), target, b.args(), platform, b.labels(), noCache, pull);
  }

  static Written.Build withLabels(Written.Build b, Map<String, String> labels) {
    return new Written.Build(
        b.context(), b.dockerfile(), b.target(), b.args(), b.platform(), labels, null, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("settings")
  void aChangedSettingRebuilds(String what, ContainerConfig changed, boolean dev) {
    build(plain());

    build(request(changed, dev));

    assertThat(engine.buildCount()).isEqualTo(2);
  }

  private String recordedKey() {
    return BuildReportFile.read(base.resolve("target/cf-containers"))
        .containers()
        .get(0)
        .contentKey();
  }

  @Test
  void noCacheAndPullRebuildEveryTime() {
    var noCache = request(input(null, b -> with(b, null, null, true, null)), false);
    build(noCache);
    build(noCache);

    assertThat(engine.buildCount()).isEqualTo(2);
    assertThat(recordedKey()).isNull();
  }

  @Test
  void aDockerfileThatAddsARemoteSourceIsBuiltEveryTime() throws Exception {
    // the engine downloads the source at each build: the same context can give another image
    Files.writeString(
        base.resolve("Dockerfile"),
        "FROM busybox:1.36\nADD https://downloads.example.invalid/app.tar.gz /opt/\n");
    build(plain());
    build(plain());

    assertThat(engine.buildCount()).isEqualTo(2);
    assertThat(recordedKey()).isNull();
    assertThat(log)
        .anySatisfy(line -> assertThat(line).contains("No content key").contains("remote source"));
  }

  @Test
  void aRemovedImageIsBuiltAgain() {
    var first = build(plain());
    engine.references.remove(first.containers().get(0).image());
    log.clear();

    var second = build(plain());

    assertThat(engine.buildCount()).isEqualTo(2);
    assertThat(log)
        .anySatisfy(line -> assertThat(line).contains("is no longer that image in the engine"));
    assertThat(log).contains("Using fake engine");
    assertThat(second.containers().get(0).contentKey())
        .isEqualTo(first.containers().get(0).contentKey());
  }

  @Test
  void aTagMovedToAnotherImageIsBuiltAgain() {
    var first = build(request(input("v1", b -> b), false));
    engine.references.put(first.containers().get(0).image(), "sha256:" + "f".repeat(64));

    build(request(input("v1", b -> b), false));

    assertThat(engine.buildCount()).isEqualTo(2);
  }

  @Test
  void aCorruptOrMissingBuildJsonRebuilds() throws Exception {
    build(plain());
    Path file = base.resolve("target/cf-containers/build.json");
    Files.writeString(file, "{ \"containers\": [");
    build(plain());
    Files.delete(file);
    build(plain());

    assertThat(engine.buildCount()).isEqualTo(3);
    assertThat(BuildReportFile.read(base.resolve("target/cf-containers")).containers()).hasSize(1);
  }

  @Test
  void aBuildJsonWithoutKeysFromAnOlderPluginRebuilds() throws Exception {
    var first = build(plain());
    var image = first.containers().get(0);
    var old =
        new BuildReport.Image(
            image.name(),
            image.className(),
            image.image(),
            image.imageId(),
            image.tag(),
            image.size(),
            image.platform(),
            false,
            null);
    BuildReportFile.writeIfChanged(
        base.resolve("target/cf-containers"),
        new BuildReport(first.worker(), false, null, List.of(old)));

    build(plain());

    assertThat(engine.buildCount()).isEqualTo(2);
  }

  @Test
  void aBaseImageThatNowPointsElsewhereRebuilds() {
    build(plain());
    // e.g. `docker pull busybox:1.36` brought a newer image under the same tag
    engine.references.put("busybox:1.36", "sha256:" + "d".repeat(64));

    build(plain());

    assertThat(engine.buildCount()).isEqualTo(2);
  }

  @Test
  void aBaseImageThatIsNotLocalRebuilds() {
    build(plain());
    engine.references.remove("busybox:1.36");

    build(plain());

    assertThat(engine.buildCount()).isEqualTo(2);
  }

  @Test
  void withTheOutputDirectoryAtTargetAJarInTargetStillCounts() throws Exception {
    Path target = base.resolve("target");
    Files.createDirectories(target);
    Files.writeString(target.resolve("app.jar"), "jar 1");
    var request = BuildRequests.of(base, container(null, build(Map.of("A", "1"))), false, target);
    build(request);
    build(request); // build.json and the transcript in target/ changed: still reused
    assertThat(engine.buildCount()).isEqualTo(1);

    Files.writeString(target.resolve("app.jar"), "jar 2");
    build(request);

    assertThat(engine.buildCount()).isEqualTo(2);
  }
}
