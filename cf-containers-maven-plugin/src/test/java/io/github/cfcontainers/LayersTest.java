package io.github.cfcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows ARCHITECTURE.md draws, read from the sources' imports: mojo over services over
 * config/common, adapters behind ports, no package cycles. A new import that breaks one fails here
 * with the file that made it.
 */
class LayersTest {

  private static final Path SOURCES = Path.of("src/main/java/io/github/cfcontainers");
  private static final Pattern PACKAGE =
      Pattern.compile("^package io\\.github\\.cfcontainers\\.([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?io\\.github\\.cfcontainers\\.([a-z.]+?)\\.[A-Z]", Pattern.MULTILINE);

  /** package -> the packages it imports, and which file made each arrow. */
  private static final Map<String, Map<String, String>> ARROWS = new TreeMap<>();

  @BeforeAll
  static void readImports() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        var p = PACKAGE.matcher(text);
        assertThat(p.find()).as(file + " has a package").isTrue();
        String from = p.group(1);
        var arrows = ARROWS.computeIfAbsent(from, k -> new TreeMap<>());
        var m = IMPORT.matcher(text);
        while (m.find()) {
          if (!m.group(1).equals(from)) {
            arrows.putIfAbsent(m.group(1), SOURCES.relativize(file).toString());
          }
        }
      }
    }
  }

  private static void mayImportOnly(String from, Set<String> allowed) {
    var arrows = ARROWS.getOrDefault(from, Map.of());
    var wrong = new TreeMap<String, String>();
    arrows.forEach(
        (to, file) -> {
          if (!allowed.contains(to)) {
            wrong.put(to, file);
          }
        });
    assertThat(wrong).as(from + " imports (package = first file)").isEmpty();
  }

  @Test
  void theSharedKernelAndTheSettingsDependOnNothingAbove() {
    mayImportOnly("json", Set.of());
    mayImportOnly("common", Set.of("json"));
    mayImportOnly("config", Set.of("common"));
    mayImportOnly("worker", Set.of("common"));
  }

  @Test
  void theApiClientIsALeaf() {
    mayImportOnly("cloudflare", Set.of("cloudflare.model", "json"));
    mayImportOnly("cloudflare.model", Set.of("cloudflare"));
  }

  @Test
  void servicesReachAdaptersOnlyThroughTheirPortsAndNeverSeeMaven() {
    for (String service : List.of("build", "deploy", "operate", "dev", "types")) {
      var arrows = ARROWS.getOrDefault(service, Map.of());
      for (String adapter : List.of("maven", "docker", "registry")) {
        assertThat(arrows).as(service + " imports " + adapter).doesNotContainKey(adapter);
      }
    }
  }

  @Test
  void onlyTheMavenLayerSeesTheMavenLayer() {
    ARROWS.forEach(
        (from, arrows) ->
            assertThat(arrows).as(from + " imports maven").doesNotContainKey("maven"));
  }

  @Test
  void noPackageCycles() {
    var cycles = new TreeSet<String>();
    for (String start : ARROWS.keySet()) {
      walk(start, new ArrayList<>(List.of(start)), cycles);
    }
    assertThat(cycles).isEmpty();
  }

  private static void walk(String at, List<String> path, Set<String> cycles) {
    for (String next : ARROWS.getOrDefault(at, Map.of()).keySet()) {
      if (next.equals(path.get(0))) {
        cycles.add(String.join(" -> ", path) + " -> " + next);
      } else if (!path.contains(next)) {
        path.add(next);
        walk(next, path, cycles);
        path.remove(path.size() - 1);
      }
    }
  }
}
