package io.github.cfcontainers.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cfcontainers.common.CfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeMiniflareRuntimeTest {

  @TempDir Path dir;

  private Path workerProject() throws IOException {
    Path project = Files.createDirectories(dir.resolve("worker"));
    Files.writeString(project.resolve("package.json"), "{\"name\":\"w\",\"private\":true}");
    return project;
  }

  @Test
  void withoutNodeTheErrorSaysWhatToInstall() throws IOException {
    var runtime = new NodeMiniflareRuntime(Map.of("PATH", dir.resolve("no-bin").toString()));

    assertThatThrownBy(() -> runtime.probe(workerProject(), dir.resolve("run")))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("Node.js was not found")
        .hasMessageContaining("install Node.js 20 or newer");
  }

  @Test
  void aWorkerProjectWithoutWranglerNamesTheDevDependencyToAdd() throws IOException {
    var env = new HashMap<>(System.getenv());
    assumeTrue(env.containsKey("PATH"));
    var runtime = new NodeMiniflareRuntime(env);
    Path project = workerProject();

    assertThatThrownBy(() -> runtime.probe(project, dir.resolve("run")))
        .isInstanceOf(CfException.class)
        .hasMessageContaining("miniflare) is not installed in the Worker project " + project)
        .hasMessageContaining("npm install --save-dev --save-exact wrangler@4.86.0");
    assertThat(dir.resolve("run").resolve(NodeMiniflareRuntime.LAUNCHER)).isRegularFile();
  }
}
