package io.github.cfcontainers.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.common.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypesServiceTest {

  @TempDir Path dir;

  private final RecordingReporter reporter = RecordingReporter.warningsOnly();
  private final List<String> warnings = reporter.lines;

  private final EnvDeclaration declaration =
      new EnvDeclaration(
          "./worker",
          List.of(new EnvDeclaration.Namespace("MY_CONTAINER", "MyContainer")),
          Set.of(),
          Set.of());

  @Test
  void writesTheDeclarationAndCreatesItsDirectory() throws Exception {
    Path file = dir.resolve("src/env.d.ts");

    assertThat(new TypesService(reporter).write(file, declaration)).isTrue();

    assertThat(Files.readString(file)).isEqualTo(declaration.render());
    assertThat(warnings).isEmpty();
  }

  @Test
  void anUnchangedDeclarationLeavesTheFileAndItsTimeStampAlone() throws Exception {
    Path file = dir.resolve("env.d.ts");
    Files.writeString(file, declaration.render());
    var old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, old);

    assertThat(new TypesService(reporter).write(file, declaration)).isFalse();

    assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
  }

  @Test
  void aChangedPomRewritesTheFile() throws Exception {
    Path file = dir.resolve("env.d.ts");
    Files.writeString(file, "// stale\n");

    assertThat(new TypesService(reporter).write(file, declaration)).isTrue();

    assertThat(Files.readString(file))
        .contains("MY_CONTAINER: DurableObjectNamespace<MyContainer>;");
  }

  @Test
  void warnsWhenAHandWrittenModuleOfTheSameNameWouldShadowIt() throws Exception {
    Files.writeString(dir.resolve("env.ts"), "export interface Env {}\n");

    new TypesService(reporter).write(dir.resolve("env.d.ts"), declaration);

    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("env.ts shadows the generated env.d.ts");
  }

  @Test
  void importPathsAreRelativeAndWithoutTheExtension() {
    Path worker = dir.resolve("worker");

    assertThat(
            TypesService.importPath(
                worker.resolve("src/env.d.ts"), worker.resolve("src/worker.ts")))
        .isEqualTo("./worker");
    assertThat(
            TypesService.importPath(
                worker.resolve("types/env.d.ts"), worker.resolve("src/index.mts")))
        .isEqualTo("../src/index");
    assertThat(TypesService.importPath(worker.resolve("env.d.ts"), worker.resolve("src/main.js")))
        .isEqualTo("./src/main");
  }
}
