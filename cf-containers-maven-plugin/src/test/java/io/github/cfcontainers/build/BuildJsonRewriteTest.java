package io.github.cfcontainers.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.common.RecordingReporter;
import io.github.cfcontainers.config.Written;
import io.github.cfcontainers.docker.DockerContextDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build.json is written when what it records changes, not on every build. */
class BuildJsonRewriteTest {

  private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000);

  @TempDir Path base;

  private final FakeBuildEngine engine = new FakeBuildEngine();

  private BuildReport build(boolean dev) {
    var container =
        Written.container(
            "MyContainer",
            null,
            null,
            null,
            new Written.Build(null, null, null, Map.of(), null, Map.of(), null, null));
    var request = BuildRequests.of(base, container, dev, out());
    WorkerBuild.Bundler noWorker =
        (source, r) -> {
          throw new AssertionError("no Worker in this project");
        };
    return new BuildService(
            engine, new DockerContextDigest(), noWorker, RecordingReporter.withDebug())
        .build(request);
  }

  private Path out() {
    return base.resolve("target/cf-containers");
  }

  @Test
  void anUnchangedBuildLeavesBuildJsonAsItWasAndAChangedOneRewritesIt() throws Exception {
    Files.writeString(base.resolve("Dockerfile"), "FROM busybox:1.36\n");
    var first = build(false);
    Path file = out().resolve(BuildReportFile.FILE_NAME);
    String written = Files.readString(file);
    Files.setLastModifiedTime(file, LONG_AGO);

    assertThat(build(false)).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(LONG_AGO);
    assertThat(Files.readString(file)).isEqualTo(written);

    var dev = build(true);
    assertThat(dev.dev()).isTrue();
    assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(LONG_AGO);
    assertThat(BuildReportFile.read(out())).isEqualTo(dev);
  }
}
