package io.github.cfcontainers.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseImagesTest {

  @TempDir Path dir;

  private java.util.Optional<java.util.List<String>> of(String dockerfile, Map<String, String> args)
      throws Exception {
    Path file = dir.resolve("Dockerfile");
    Files.writeString(file, dockerfile);
    return BaseImages.of(file, args);
  }

  @Test
  void theArchetypesShapeResolvesBothStagesFromArgDefaultsOrBuildArgs() throws Exception {
    String dockerfile =
        "# comment\nARG BASE_IMAGE=eclipse-temurin:25-jdk\nARG RUNTIME_IMAGE=gcr.io/distroless/base-debian12\n"
            + "FROM ${BASE_IMAGE} AS runtime-builder\nRUN jlink \\\n  --output /app/jre\n"
            + "FROM ${RUNTIME_IMAGE}\nCOPY --from=runtime-builder /app/jre /app/jre\n";
    assertThat(of(dockerfile, Map.of()))
        .contains(java.util.List.of("eclipse-temurin:25-jdk", "gcr.io/distroless/base-debian12"));
    assertThat(of(dockerfile, Map.of("BASE_IMAGE", "cf-test/jdk:25")))
        .contains(java.util.List.of("cf-test/jdk:25", "gcr.io/distroless/base-debian12"));
  }

  @Test
  void stagesScratchAndCopyFromAnImage() throws Exception {
    assertThat(
            of(
                "FROM --platform=linux/amd64 busybox:1 AS a\nFROM scratch\nCOPY --from=a /x /x\n"
                    + "COPY --from=0 /y /y\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n",
                Map.of()))
        .contains(java.util.List.of("busybox:1", "nginx:1.27"));
  }

  @Test
  void anArgumentWithoutAValueMeansNoKey() throws Exception {
    assertThat(of("ARG BASE\nFROM ${BASE}\n", Map.of())).isEmpty();
    assertThat(of("ARG BASE\nFROM ${BASE:-busybox:1}\n", Map.of()))
        .contains(java.util.List.of("busybox:1"));
    assertThat(of("FROM busybox:1 AS b\nARG X\nCOPY --from=$X /a /a\n", Map.of())).isEmpty();
  }
}
