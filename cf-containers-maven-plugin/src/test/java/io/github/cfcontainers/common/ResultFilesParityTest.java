package io.github.cfcontainers.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.deploy.DeploymentReport;
import io.github.cfcontainers.json.SampleValues;
import io.github.cfcontainers.operate.DestroyReport;
import io.github.cfcontainers.operate.RollbackReport;
import io.github.cfcontainers.operate.StatusReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The result files CI jobs read are written byte for byte as data binding (with {@code
 * INDENT_OUTPUT}) wrote them before the streaming writer, full and empty.
 */
class ResultFilesParityTest {

  @TempDir Path dir;

  private final ObjectMapper databind =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final SampleValues samples = new SampleValues(Map.of());

  @ParameterizedTest
  @ValueSource(
      classes = {
        DeploymentReport.class,
        StatusReport.class,
        RollbackReport.class,
        DestroyReport.class,
        BuildReport.class
      })
  void everyReportIsWrittenAsDataBindingWroteIt(Class<?> type) throws IOException {
    for (Object value : new Object[] {samples.full(type), samples.empty(type)}) {
      Path file = ResultFiles.writeJson(dir, "r.json", value);

      assertThat(Files.readAllBytes(file)).isEqualTo(asDataBindingWroteIt(value));
    }
  }

  public record WithTree(
      com.fasterxml.jackson.databind.JsonNode tree, List<Object> anything, Long nothing) {}

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void treesAndPlainValuesToo(int variant) throws IOException {
    var tree = JsonNodeFactory.instance.objectNode();
    tree.put("i", 1)
        .put("l", 10_000_000_000L)
        .put("d", 1.0E10)
        .put("s", "x 👋 \u0001")
        .putNull("n");
    tree.putArray("a").add(0.1).add(false);
    var value =
        new WithTree(
            variant == 0 ? tree : null, List.of(1, 2.5, "x", Map.of("k", List.of())), null);

    Path file = ResultFiles.writeJson(dir, "t.json", value);

    assertThat(Files.readAllBytes(file)).isEqualTo(asDataBindingWroteIt(value));
  }

  /** As the plugin wrote result files before: writeValue to the file. */
  private byte[] asDataBindingWroteIt(Object value) throws IOException {
    Path file = dir.resolve("databind.json");
    databind.writeValue(file.toFile(), value);
    return Files.readAllBytes(file);
  }
}
