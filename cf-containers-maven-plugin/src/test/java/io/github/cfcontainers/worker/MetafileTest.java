package io.github.cfcontainers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetafileTest {

  /** The shape esbuild 0.28 writes: outputs keyed by their path relative to the project. */
  private static final String SAMPLE =
      """
      {
        "inputs": {
          "src/worker.ts": {"bytes": 120, "imports": [{"path": "src/container.ts", "kind": "import-statement"}], "format": "esm"},
          "src/container.ts": {"bytes": 80, "imports": [], "format": "esm"}
        },
        "outputs": {
          "target/worker/worker.js.map": {"imports": [], "exports": [], "inputs": {}, "bytes": 300},
          "target/worker/worker.js": {
            "imports": [{"path": "cloudflare:workers", "kind": "import-statement", "external": true}],
            "exports": ["MyContainer", "default"],
            "entryPoint": "src/worker.ts",
            "inputs": {"src/worker.ts": {"bytesInOutput": 90}},
            "bytes": 200
          }
        }
      }
      """;

  @TempDir Path project;

  private Path meta(String json) throws Exception {
    Path file = project.resolve("target/worker").resolve(WorkerBundle.METAFILE);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, json);
  }

  private Path outFile() {
    return project.resolve("target/worker").resolve(WorkerBundle.MAIN_MODULE);
  }

  @Test
  void readsTheMainOutputsExportsInOrder() throws Exception {
    assertThat(Metafile.exports(meta(SAMPLE), project, outFile()))
        .containsExactly("MyContainer", "default");
  }

  @Test
  void otherOutputsDoNotCount() throws Exception {
    Path other = project.resolve("elsewhere/worker.js");
    // Not the outFile, but named like the main module: the fallback.
    assertThat(Metafile.exports(meta(SAMPLE), project, other))
        .containsExactly("MyContainer", "default");
    String onlyMap = SAMPLE.replace("\"target/worker/worker.js\":", "\"target/worker/other.js\":");
    assertThatThrownBy(() -> Metafile.exports(meta(onlyMap), project, outFile()))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("does not describe the output " + outFile() + " and its exports.")
        .hasMessageContaining("esbuild@0.28");
  }

  @Test
  void anOutputWithoutExportsIsRefused() throws Exception {
    String noExports = SAMPLE.replace("\"exports\": [\"MyContainer\", \"default\"],", "");
    assertThatThrownBy(() -> Metafile.exports(meta(noExports), project, outFile()))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageStartingWith("esbuild's metafile ");
  }

  @Test
  void aMissingOrBrokenMetafileIsReported() throws Exception {
    Path missing = project.resolve("none.json");
    assertThatThrownBy(() -> Metafile.exports(missing, project, outFile()))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageStartingWith("Cannot read esbuild's metafile " + missing)
        .hasMessageContaining("supports --metafile");
    Path broken = meta("{\"outputs\": ");
    assertThatThrownBy(() -> Metafile.exports(broken, project, outFile()))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageStartingWith("Cannot read esbuild's metafile ");
  }
}
