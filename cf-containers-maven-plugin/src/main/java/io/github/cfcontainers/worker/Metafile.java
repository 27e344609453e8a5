package io.github.cfcontainers.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** esbuild's metafile, read for what the upload needs: the names the main module exports. */
final class Metafile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Metafile() {}

  /**
   * The exports of the output {@code outFile}, as listed in {@code metaFile}; esbuild keys outputs
   * by their path relative to {@code project}.
   */
  static Set<String> exports(Path metaFile, Path project, Path outFile)
      throws WorkerBundleException {
    JsonNode meta;
    try {
      meta = JSON.readTree(metaFile.toFile());
    } catch (IOException e) {
      throw new WorkerBundleException(
          "Cannot read esbuild's metafile " + metaFile + ": " + e,
          "check that the project's esbuild is 0.28 or a version that supports --metafile.",
          null,
          e);
    }
    JsonNode match = null;
    JsonNode fallback = null;
    for (Map.Entry<String, JsonNode> e : meta.path("outputs").properties()) {
      if (project.resolve(e.getKey()).normalize().equals(outFile)) {
        match = e.getValue();
        break;
      }
      // Else the output named like the main module, however esbuild spelled its path.
      if (e.getKey().endsWith("/" + WorkerBundle.MAIN_MODULE)
          || e.getKey().equals(WorkerBundle.MAIN_MODULE)) {
        fallback = e.getValue();
      }
    }
    JsonNode output = match != null ? match : fallback;
    if (output == null || !output.path("exports").isArray()) {
      throw new WorkerBundleException(
          "esbuild's metafile "
              + metaFile
              + " does not describe the output "
              + outFile
              + " and its exports.",
          "use esbuild 0.28.x in the Worker project (`npm install --save-dev --save-exact esbuild@0.28`).");
    }
    Set<String> exports = new LinkedHashSet<>();
    output.path("exports").forEach(n -> exports.add(n.asText()));
    return exports;
  }
}
