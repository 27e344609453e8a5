package io.github.cfcontainers.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** snake_case as Jackson's own strategy makes it, for every name the API's records have. */
class JsonNamingTest {

  private static final PropertyNamingStrategies.SnakeCaseStrategy JACKSON =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  @ParameterizedTest
  @ValueSource(
      strings = {"a", "mainModule", "URL", "versionIdV2", "memoryMib", "_leading", "x_y", "aBC"})
  void asJacksonTranslatesThem(String name) {
    assertThat(JsonNaming.snakeCase(name)).isEqualTo(JACKSON.translate(name));
  }

  @Test
  void everyModelComponentAsJacksonTranslatesIt() throws IOException, URISyntaxException {
    var names = new ArrayList<String>();
    for (Class<?> type : modelClasses()) {
      if (type.isRecord()) {
        for (var component : type.getRecordComponents()) {
          names.add(component.getName());
        }
      }
    }
    assertThat(names).hasSizeGreaterThan(100);
    for (String name : names) {
      assertThat(JsonNaming.snakeCase(name)).as(name).isEqualTo(JACKSON.translate(name));
    }
  }

  private static List<Class<?>> modelClasses() throws IOException, URISyntaxException {
    String pkg = "io.github.cfcontainers.cloudflare.model";
    Path dir =
        Path.of(JsonNamingTest.class.getClassLoader().getResource(pkg.replace('.', '/')).toURI());
    var classes = new ArrayList<Class<?>>();
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.endsWith(".class")) {
          try {
            classes.add(Class.forName(pkg + "." + name.substring(0, name.length() - 6)));
          } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return classes;
  }
}
