package io.github.cfcontainers.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.InvalidSettingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WorkerExportsTest {

  private static ContainerSpec spec(String className) {
    return new ContainerSpec(
        className,
        className.toLowerCase(),
        Optional.empty(),
        TestSpecs.dockerfileBuild(Path.of("/c"), "linux/amd64", false));
  }

  @Test
  void everyContainerClassMustBeExported() {
    assertThatCode(
            () ->
                WorkerExports.requireExported(
                    Set.of("A", "B", "default"), List.of(spec("A"), spec("B")), "src/worker.ts"))
        .doesNotThrowAnyException();

    assertThatThrownBy(
            () ->
                WorkerExports.requireExported(
                    new TreeSet<>(Set.of("A", "default")),
                    List.of(spec("A"), spec("B")),
                    "src/worker.ts"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "The Worker src/worker.ts does not export the class B (it exports A, default).");
  }
}
