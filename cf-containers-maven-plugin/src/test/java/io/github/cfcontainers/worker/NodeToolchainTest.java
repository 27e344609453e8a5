package io.github.cfcontainers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.Reporter;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Fake node executables (shell scripts) printing the version to check. */
@DisabledOnOs(OS.WINDOWS)
class NodeToolchainTest {

  @TempDir Path tmp;

  private Path fakeNode(String printed) throws Exception {
    Path node = Files.createDirectories(tmp.resolve("node-bin")).resolve("node");
    Files.writeString(node, "#!/bin/sh\necho '" + printed + "'\n");
    Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
    return node;
  }

  private WorkerSource source(Path node) {
    return WorkerSource.of(tmp, "w.ts", tmp.resolve("out")).withNodeExecutable(node);
  }

  private static Map<String, String> env() {
    return Map.of("PATH", "/usr/bin" + File.pathSeparator + "/bin");
  }

  @Test
  void acceptsTheMinimumMajorAndPutsAnExplicitNodeFirstOnThePath() throws Exception {
    Path node = fakeNode("v" + NodeToolchain.MIN_NODE_MAJOR + ".0.0");
    RecordingListener log = new RecordingListener();
    NodeToolchain toolchain = NodeToolchain.locate(env(), source(node), tmp, log);
    assertThat(toolchain.node()).isEqualTo(node);
    assertThat(log.lines()).contains("DEBUG Using Node.js v18.0.0 at " + node);

    List<String> out = new ArrayList<>();
    toolchain.run(
        List.of("/bin/sh", "-c", "echo \"$PATH\""),
        tmp,
        Duration.ofSeconds(30),
        (s, line) -> out.add(line),
        "sh");
    assertThat(out).containsExactly(node.getParent() + File.pathSeparator + "/usr/bin:/bin");
  }

  @Test
  void refusesAnOldNode() throws Exception {
    Path node = fakeNode("v16.20.2");
    assertThatThrownBy(() -> NodeToolchain.locate(env(), source(node), tmp, Reporter.SILENT))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageStartingWith(
            "Node.js v16.20.2 at " + node + " is too old: the Worker build needs 18 or newer.");
  }

  @Test
  void refusesANodeWhoseVersionItCannotRead() throws Exception {
    Path node = fakeNode("hello");
    assertThatThrownBy(() -> NodeToolchain.locate(env(), source(node), tmp, Reporter.SILENT))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageStartingWith(
            "Cannot tell the version of Node.js at "
                + node
                + " (`node --version` exited with 0, printed 'hello').");
  }

  @Test
  void npmIsLookedUpOnThePathOnlyWhenAsked() throws Exception {
    Path node = fakeNode("v22.1.0");
    NodeToolchain toolchain =
        NodeToolchain.locate(
            Map.of("PATH", tmp.resolve("none").toString()), source(node), tmp, Reporter.SILENT);
    assertThatThrownBy(toolchain::npm)
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageStartingWith(
            "npm was not found: no `npm` executable on the PATH (PATH="
                + tmp.resolve("none")
                + ")");
  }
}
