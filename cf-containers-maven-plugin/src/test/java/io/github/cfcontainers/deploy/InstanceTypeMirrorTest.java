package io.github.cfcontainers.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link InstanceType} is the plugin's one list of instance types. The archetype cannot call it
 * (its metadata validates with a regex at generation time), so its regex is a mirror, and this test
 * keeps the mirror exact. The emulator keeps its own table on purpose (it is the oracle).
 */
class InstanceTypeMirrorTest {

  private static final Path ARCHETYPE_METADATA =
      Path.of(
          "../cf-containers-archetype/src/main/resources/META-INF/maven/archetype-metadata.xml");

  @Test
  void theArchetypeAcceptsExactlyTheCurrentNames() throws Exception {
    String xml = Files.readString(ARCHETYPE_METADATA);
    var m =
        Pattern.compile(
                "<requiredProperty key=\"instanceType\">.*?<validationRegex><!\\[CDATA\\[(.*?)]]>",
                Pattern.DOTALL)
            .matcher(xml);
    assertThat(m.find()).as("instanceType's validationRegex in " + ARCHETYPE_METADATA).isTrue();
    var regex = Pattern.compile(m.group(1));

    var current = Arrays.stream(InstanceType.values()).map(InstanceType::apiName).toList();
    List<String> candidates = new ArrayList<>(current);
    candidates.addAll(List.of("dev", "standard", "LITE", "basic-1", "lite ", ""));
    for (int i = 0; i <= 9; i++) {
      candidates.add("standard-" + i);
    }
    var accepted = candidates.stream().distinct().filter(c -> regex.matcher(c).matches()).toList();
    assertThat(accepted).containsExactlyInAnyOrderElementsOf(current);
  }
}
