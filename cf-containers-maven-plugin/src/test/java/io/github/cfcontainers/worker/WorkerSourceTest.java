package io.github.cfcontainers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkerSourceTest {

  private final Path dir = Path.of("/work/project");

  @Test
  void acceptsTheFourEntryPointKinds() {
    for (String entry : List.of("src/worker.ts", "worker.js", "src/index.mts", "index.mjs")) {
      assertThat(WorkerSource.of(dir, entry, dir.resolve("out")).entryPoint())
          .isEqualTo(Path.of(entry));
    }
  }

  @Test
  void normalizesAndDefaults() {
    WorkerSource s = WorkerSource.of(dir, "./src/../src/worker.ts", dir.resolve("out"));
    assertThat(s.entryPoint()).isEqualTo(Path.of("src/worker.ts"));
    assertThat(s.offline()).isFalse();
    assertThat(s.node()).isEmpty();
    assertThat(s.npm()).isEmpty();
    WorkerSource t =
        s.withOffline(true)
            .withNodeExecutable(Path.of("/opt/node/bin/node"))
            .withNpmExecutable(Path.of("/opt/node/bin/npm"));
    assertThat(t.offline()).isTrue();
    assertThat(t.node()).contains(Path.of("/opt/node/bin/node"));
    assertThat(t.npm()).contains(Path.of("/opt/node/bin/npm"));
    assertThat(s.offline()).isFalse();
  }

  @Test
  void rejectsBadEntryPoints() {
    assertThatThrownBy(() -> WorkerSource.of(dir, "src/worker.tsx", dir))
        .hasMessageContaining(".ts, .js, .mts or .mjs");
    assertThatThrownBy(() -> WorkerSource.of(dir, "/abs/worker.ts", dir))
        .hasMessageContaining("relative");
    assertThatThrownBy(() -> WorkerSource.of(dir, "../worker.ts", dir))
        .hasMessageContaining("inside");
  }

  @Test
  void bundleIsImmutable() {
    byte[] bytes = {1, 2, 3};
    BundleFile m = new BundleFile("worker.js", BundleFile.ES_MODULE, bytes, Path.of("w.js"));
    bytes[0] = 9;
    assertThat(m.bytes()[0]).isEqualTo((byte) 1);
    m.bytes()[1] = 9;
    assertThat(m.bytes()[1]).isEqualTo((byte) 2);
    assertThat(m)
        .isEqualTo(
            new BundleFile(
                "worker.js", BundleFile.ES_MODULE, new byte[] {1, 2, 3}, Path.of("w.js")));

    WorkerBundle b =
        new WorkerBundle(
            "worker.js",
            List.of(m),
            Optional.empty(),
            BundleHash.of(List.of(m), Optional.empty()),
            Set.of("default", "B", "A"));
    assertThat(b.exports()).containsExactly("A", "B", "default");
    assertThatThrownBy(() -> b.exports().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> b.modules().add(m)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(
            () -> new WorkerBundle("other.js", List.of(m), Optional.empty(), "h", Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hashCoversNamesAndBytes() {
    BundleFile a =
        new BundleFile("worker.js", BundleFile.ES_MODULE, new byte[] {1, 2}, Path.of("a"));
    BundleFile renamed =
        new BundleFile("index.js", BundleFile.ES_MODULE, new byte[] {1, 2}, Path.of("a"));
    BundleFile changed =
        new BundleFile("worker.js", BundleFile.ES_MODULE, new byte[] {1, 3}, Path.of("a"));
    BundleFile elsewhere =
        new BundleFile("worker.js", BundleFile.ES_MODULE, new byte[] {1, 2}, Path.of("b"));
    String h = BundleHash.of(List.of(a), Optional.empty());
    assertThat(BundleHash.of(List.of(elsewhere), Optional.empty())).isEqualTo(h);
    assertThat(BundleHash.of(List.of(renamed), Optional.empty())).isNotEqualTo(h);
    assertThat(BundleHash.of(List.of(changed), Optional.empty())).isNotEqualTo(h);
    BundleFile map =
        new BundleFile("worker.js.map", BundleFile.SOURCE_MAP, new byte[] {}, Path.of("m"));
    assertThat(BundleHash.of(List.of(a), Optional.of(map))).isNotEqualTo(h);
  }
}
