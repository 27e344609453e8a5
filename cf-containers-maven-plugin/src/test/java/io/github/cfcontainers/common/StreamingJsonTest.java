package io.github.cfcontainers.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reads give what Jackson's data binding gives for the same text. */
class StreamingJsonTest {

  public record Inner(String name, List<String> tags) {}

  public record Outer(
      String text,
      boolean flag,
      Boolean boxedFlag,
      int count,
      Long size,
      long big,
      Inner inner,
      List<Inner> inners,
      Map<String, String> labels) {}

  @TempDir Path dir;

  private final ObjectMapper databind =
      new ObjectMapper()
          .disable(
              com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"text\":\"a \\\"quoted\\\" é\",\"flag\":true,\"boxedFlag\":false,\"count\":7,\"size\":12345678901,"
            + "\"big\":-3,\"inner\":{\"name\":\"n\",\"tags\":[\"x\",\"y\"]},"
            + "\"inners\":[{\"name\":\"1\",\"tags\":[]},{\"name\":null,\"tags\":null}],"
            + "\"labels\":{\"b\":\"2\",\"a\":\"1\"}}",
        "{}",
        "{\"text\":null,\"flag\":null,\"inner\":null,\"inners\":[],\"labels\":{}}",
        "{\"unknown\":{\"deep\":[1,2,{\"x\":null}]},\"text\":\"after an unknown field\",\"more\":3}",
      })
  void readsARecordAsDataBindingDoes(String json) throws IOException {
    Path file = Files.writeString(dir.resolve("f.json"), json);

    assertThat(StreamingJson.readRecord(file, Outer.class))
        .isEqualTo(databind.readValue(json, Outer.class));
  }

  @Test
  void whatResultFilesWritesItReadsBack() throws IOException {
    var value =
        new Outer(
            "t",
            true,
            null,
            3,
            null,
            9L,
            new Inner("i", List.of("a")),
            List.of(new Inner("j", List.of())),
            Map.of("k", "v"));
    Path file = ResultFiles.writeJson(dir, "r.json", value);

    assertThat(ResultFiles.read(file, Outer.class)).isEqualTo(value);
  }

  @Test
  void aValueOfTheWrongKindIsAnErrorNotAGuess() throws IOException {
    Path file = Files.writeString(dir.resolve("f.json"), "{\"count\":\"seven\"}");

    assertThatThrownBy(() -> StreamingJson.readRecord(file, Outer.class))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("VALUE_STRING")
        .hasMessageContaining("int");
  }

  @Test
  void truncatedJsonIsAnError() throws IOException {
    Path file = Files.writeString(dir.resolve("f.json"), "{\"text\":\"a\",\"inner\":{");

    assertThatThrownBy(() -> StreamingJson.readRecord(file, Outer.class))
        .isInstanceOf(IOException.class);
  }

  @Test
  void memberNamesListsTheKeysOfOneObjectInFileOrder() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("meta.json"),
            "{\"outputs\":{\"x\":{}},\"inputs\":{\"src/b.ts\":{\"bytes\":1,\"imports\":[{\"path\":\"a\"}]},"
                + "\"node_modules/p/index.js\":{}},\"later\":1}");

    assertThat(StreamingJson.memberNames(file, "inputs"))
        .containsExactly("src/b.ts", "node_modules/p/index.js");
    assertThat(StreamingJson.memberNames(file, "absent")).isEmpty();
  }

  @Test
  void topLevelStringFindsOnlyATopLevelString() throws IOException {
    String inspect =
        "{\"RepoTags\":[\"a:1\"],\"Config\":{\"Id\":\"nested\"},\"Id\":\"sha256:abc\"}";

    assertThat(StreamingJson.topLevelString(inspect, "Id")).contains("sha256:abc");
    assertThat(StreamingJson.topLevelString("{\"Id\":5}", "Id")).isEmpty();
    assertThat(StreamingJson.topLevelString("{\"Config\":{\"Id\":\"nested\"}}", "Id")).isEmpty();
  }
}
