package io.github.cfcontainers.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.InvalidSettingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerResolverTest {

  @TempDir Path project;
  private ContainerResolver resolver;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(project.resolve("Dockerfile"), "FROM scratch\n");
    resolver = new ContainerResolver(project);
  }

  private static ContainerConfig container(String className) {
    return Written.container(className, null, null, null, null);
  }

  private static BuildConfig build(String context, String dockerfile, String platform) {
    return new Written.Build(context, dockerfile, null, null, platform, null, null, null);
  }

  /** The one container resolved in the Worker "w". */
  private ContainerSpec resolved(ContainerConfig container) {
    return resolver.resolve("w", List.of(container)).get(0);
  }

  /** Resolving the one container in the Worker "w" fails. */
  private AbstractThrowableAssert<?, ? extends Throwable> refusing(ContainerConfig container) {
    return assertThatThrownBy(() -> resolver.resolve("w", List.of(container)));
  }

  @Test
  void defaultsFollowTheSeed() {
    var spec = resolver.resolve("my-worker", List.of(container("MyContainer"))).get(0);

    assertThat(spec.name()).isEqualTo("my-worker-mycontainer");
    assertThat(spec.tag()).isEmpty();
    var build = (BuildSpec) spec.source();
    assertThat(build.context()).isEqualTo(project.toAbsolutePath().normalize());
    assertThat(build.dockerfile())
        .isEqualTo(project.resolve("Dockerfile").toAbsolutePath().normalize());
    assertThat(build.platform()).isEqualTo("linux/amd64");
    assertThat(build.args()).isEmpty();
    assertThat(build.noCache()).isFalse();
    assertThat(build.pull()).isFalse();
  }

  @Test
  void dockerfileIsResolvedAgainstTheContext() throws IOException {
    Files.createDirectories(project.resolve("app/docker"));
    Files.writeString(project.resolve("app/docker/Dockerfile.dev"), "FROM scratch\n");

    var spec =
        resolved(
            Written.container("A", null, null, null, build("app", "docker/Dockerfile.dev", null)));

    var build = (BuildSpec) spec.source();
    assertThat(build.context()).isEqualTo(project.resolve("app").toAbsolutePath().normalize());
    assertThat(build.dockerfile())
        .isEqualTo(project.resolve("app/docker/Dockerfile.dev").toAbsolutePath().normalize());
  }

  @Test
  void argsAndLabelsKeepTheirOrderAndEmptyValuesBecomeEmptyStrings() {
    var args = new LinkedHashMap<String, String>();
    args.put("B", "2");
    args.put("A", null);
    var spec =
        resolved(
            Written.container(
                "A",
                null,
                null,
                null,
                new Written.Build(null, null, "app", args, null, Map.of("team", "x"), true, true)));

    var build = (BuildSpec) spec.source();
    assertThat(build.args()).containsEntry("B", "2").containsEntry("A", "");
    assertThat(build.target()).contains("app");
    assertThat(build.labels()).containsEntry("team", "x");
    assertThat(build.noCache()).isTrue();
    assertThat(build.pull()).isTrue();
  }

  @Test
  void prebuiltImageNeedsNoDockerfile() throws IOException {
    Files.delete(project.resolve("Dockerfile"));
    var spec = resolved(Written.container("A", null, null, "docker.io/library/nginx:1.27", null));
    assertThat(spec.source()).isEqualTo(new PrebuiltImage("docker.io/library/nginx:1.27"));
  }

  @Test
  void missingDockerfileNamesTheSettingAndTheFix() throws IOException {
    Files.delete(project.resolve("Dockerfile"));
    refusing(container("MyContainer"))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("No Dockerfile at " + project.resolve("Dockerfile").toAbsolutePath());
              assertThat(e.setting().path())
                  .containsExactly("containers", "container", "build", "dockerfile");
              assertThat(e.setting().container()).contains("MyContainer (w-mycontainer)");
              assertThat(e.fix()).contains("add a Dockerfile");
            });
  }

  @Test
  void missingContextIsRefused() {
    refusing(Written.container("A", null, null, null, build("nope", null, null)))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.getMessage()).contains("does not exist");
              assertThat(e.setting().path())
                  .containsExactly("containers", "container", "build", "context");
            });
  }

  @Test
  void contextThatIsAFileIsRefused() {
    refusing(Written.container("A", null, null, null, build("Dockerfile", null, null)))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> assertThat(e.getMessage()).contains("is not a directory"));
  }

  @Test
  void unknownPlatformIsRefused() {
    refusing(Written.container("A", null, null, null, build(null, null, "windows/amd64")))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.getMessage()).contains("Unknown platform 'windows/amd64'");
              assertThat(e.setting().path()).endsWith("platform");
            });
  }

  @Test
  void buildAndImageTogetherAreRefused() {
    refusing(Written.container("A", null, null, "nginx:1", Written.Build.DEFAULTS))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.getMessage()).contains("Both <image> and <build>");
              assertThat(e.setting().path()).endsWith("image");
            });
  }

  @Test
  void tagWithPrebuiltImageIsRefused() {
    refusing(Written.container("A", null, "v1", "nginx:1", null))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("<tag> applies to built images");
  }

  @Test
  void badNamesAreRefusedWithTheRule() {
    assertThatThrownBy(() -> resolver.resolve("My_Worker!", List.of(container("A"))))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.setting().path()).containsExactly("workerName");
              assertThat(e.setting().property()).contains("cf.workerName");
              assertThat(e.fix()).isEqualTo(Names.WORKER_NAME_RULE);
            });
    // Resolved before the build and the deploy, so the push never happens for a name the API
    // refuses.
    assertThatThrownBy(() -> resolver.resolve("my-worker-", List.of(container("A"))))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("'my-worker-' is not a valid Cloudflare Worker name");
              assertThat(e.setting().property()).contains("cf.workerName");
              assertThat(e.fix()).contains("not starting or ending with '-'");
            });
    refusing(Written.container("A", "Bad Name", null, null, null))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("'Bad Name' is not valid");
    refusing(container("my-container"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("is not a JavaScript class name");
    refusing(Written.container("A", null, "-bad", null, null))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("not a valid image tag");
    refusing(Written.container("A", null, null, "my app:1", null))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("not a valid image reference");
  }

  @Test
  void tooLongDefaultNameAsksForAnExplicitOne() {
    String worker = "w".repeat(60);
    assertThatThrownBy(() -> resolver.resolve(worker, List.of(container("MyContainer"))))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.getMessage()).contains("default container name");
              assertThat(e.fix()).startsWith("set <name> explicitly");
            });
  }

  @Test
  void duplicatesAreRefused() {
    assertThatThrownBy(() -> resolver.resolve("w", List.of(container("A"), container("A"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("Containers #1 and #2 share the className 'A'");
    assertThatThrownBy(
            () ->
                resolver.resolve(
                    "w",
                    List.of(
                        Written.container("A", "same", null, null, null),
                        Written.container("B", "same", null, null, null))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("share the name 'same'");
  }

  @Test
  void noContainerIsRefused() {
    assertThatThrownBy(() -> resolver.resolve("w", List.of()))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> assertThat(e.setting().path()).containsExactly("containers"));
  }

  @Test
  void missingClassNameIsRefused() {
    refusing(container(null))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("Container #1 has no className");
  }
}
