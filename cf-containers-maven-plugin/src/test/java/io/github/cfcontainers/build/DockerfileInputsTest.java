package io.github.cfcontainers.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileInputsTest {

  @TempDir Path dir;

  private DockerfileInputs.Scan of(String dockerfile, Map<String, String> args) throws Exception {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, dockerfile);
    return DockerfileInputs.of(file, args);
  }

  private List<String> bases(String dockerfile) throws Exception {
    var scan = of(dockerfile, Map.of());
    assertThat(scan.coverable()).as(scan.uncovered()).isTrue();
    return scan.baseImages();
  }

  private String uncovered(String dockerfile) throws Exception {
    var scan = of(dockerfile, Map.of());
    assertThat(scan.coverable()).as("expected no key for: " + dockerfile).isFalse();
    return scan.uncovered();
  }

  @Test
  void theArchetypesShapeResolvesBothStagesFromArgDefaultsOrBuildArgs() throws Exception {
    String dockerfile =
        "# comment\nARG BASE_IMAGE=eclipse-temurin:25-jdk\nARG RUNTIME_IMAGE=gcr.io/distroless/base-debian12\n"
            + "FROM ${BASE_IMAGE} AS runtime-builder\nRUN jlink \\\n  --output /app/jre\n"
            + "FROM ${RUNTIME_IMAGE}\nCOPY --from=runtime-builder /app/jre /app/jre\n";
    assertThat(bases(dockerfile))
        .containsExactly("eclipse-temurin:25-jdk", "gcr.io/distroless/base-debian12");
    assertThat(of(dockerfile, Map.of("BASE_IMAGE", "cf-test/jdk:25")).baseImages())
        .containsExactly("cf-test/jdk:25", "gcr.io/distroless/base-debian12");
  }

  @Test
  void stagesScratchAndCopyFromAnImage() throws Exception {
    assertThat(
            bases(
                "FROM --platform=linux/amd64 busybox:1 AS a\nFROM scratch\nCOPY --from=a /x /x\n"
                    + "COPY --from=0 /y /y\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n"))
        .containsExactly("busybox:1", "nginx:1.27");
  }

  @Test
  void anArgumentWithoutAValueMeansNoKey() throws Exception {
    assertThat(uncovered("ARG BASE\nFROM ${BASE}\n")).contains("FROM ${BASE}");
    assertThat(bases("ARG BASE\nFROM ${BASE:-busybox:1}\n")).containsExactly("busybox:1");
    assertThat(uncovered("FROM busybox:1 AS b\nARG X\nCOPY --from=$X /a /a\n"))
        .contains("--from=$X");
  }

  @Test
  void commentAndBlankLinesInsideAContinuationAreDroppedAsTheEngineDropsThem() throws Exception {
    // Docker builds this FROM eclipse-temurin:25-jre; read with the comment kept, the FROM
    // was lost and the key held no base image, so a moved tag reused the old image
    assertThat(
            bases(
                "FROM \\\n  # the runtime\n\n  eclipse-temurin:25-jre AS run\nCOPY --from=0 /a /a\n"))
        .containsExactly("eclipse-temurin:25-jre");
    // stage numbers still count that stage: --from=1 is the second FROM, not an image
    assertThat(bases("FROM \\\n# x\n busybox:1\nFROM scratch\nCOPY --from=0 /a /a\n"))
        .containsExactly("busybox:1");
  }

  @Test
  void aByteOrderMarkIsSkippedAsTheEngineSkipsIt() throws Exception {
    assertThat(bases("\uFEFFFROM busybox:1\nCOPY a /a\n")).containsExactly("busybox:1");
  }

  @Test
  void continuationsJoinAsTheEngineJoinsThem() throws Exception {
    // the next line is appended as it is: "busybox" + ":1", not "busybox :1"
    assertThat(bases("FROM busybox\\\n:1\n")).containsExactly("busybox:1");
    assertThat(bases("FROM busybox:1 AS a\nCOPY --from=nginx\\\n:1.27 /e /e\n"))
        .containsExactly("busybox:1", "nginx:1.27");
    assertThat(bases("FROM \\\n    busybox:1 \\\n    AS b\n")).containsExactly("busybox:1");
  }

  @Test
  void noReadableFromLineMeansNoKey() throws Exception {
    assertThat(uncovered("COPY a /a\n")).contains("no FROM line");
  }

  @Test
  void aFromLineTheScanCannotReadMeansNoKey() throws Exception {
    assertThat(uncovered("FROM busybox:1 AS a b\n")).contains("FROM busybox:1 AS a b");
    assertThat(uncovered("FROM\n")).contains("FROM");
  }

  @Test
  void aRemoteAddSourceMeansNoKeyBecauseTheEngineFetchesItAtEveryBuild() throws Exception {
    assertThat(uncovered("FROM busybox:1\nADD https://example.invalid/app.tar.gz /opt/\n"))
        .contains("remote source");
    assertThat(uncovered("FROM busybox:1\nADD --chmod=644 \\\n  http://h.invalid/a /a\n"))
        .contains("remote source");
    assertThat(uncovered("FROM busybox:1\nADD [\"https://h.invalid/a\", \"/a\"]\n"))
        .contains("remote source");
    assertThat(uncovered("FROM busybox:1\nADD git@github.com:o/r.git /src\n"))
        .contains("remote source");
    // local sources and COPY are covered by the context digest
    assertThat(bases("FROM busybox:1\nADD app.tar.gz /opt/\nCOPY https-notes.txt /\n"))
        .containsExactly("busybox:1");
  }

  @Test
  void anEscapeDirectiveOtherThanBackslashMeansNoKey() throws Exception {
    assertThat(uncovered("# escape=`\nFROM busybox:1 `\n  AS a\n")).contains("escape directive");
    assertThat(bases("# syntax=docker/dockerfile:1\n# escape=\\\nFROM busybox:1\n"))
        .containsExactly("busybox:1");
    // not a directive once an instruction came first: a plain comment
    assertThat(bases("FROM busybox:1\n# escape=`\n")).containsExactly("busybox:1");
  }

  @Test
  void aRunMountFromAnotherImageMeansNoKey() throws Exception {
    assertThat(
            uncovered(
                "FROM busybox:1\nRUN --mount=type=bind,from=nginx:1.27,target=/n cp /n/x /x\n"))
        .contains("mounts");
    assertThat(bases("FROM busybox:1\nRUN --mount=type=cache,target=/root/.m2 true\n"))
        .containsExactly("busybox:1");
  }
}
