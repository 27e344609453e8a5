package io.github.cfcontainers.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class SearchPathTest {

  @TempDir Path tmp;

  private Path tool(String dir, String name, boolean executable) throws Exception {
    Path file = Files.createDirectories(tmp.resolve(dir)).resolve(name);
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(
        file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    return file;
  }

  @Test
  void findsTheFirstExecutableInPathOrder() throws Exception {
    tool("a", "node", false);
    Path b = tool("b", "node", true);
    tool("c", "node", true);
    String path =
        String.join(
            File.pathSeparator,
            tmp.resolve("a").toString(),
            "",
            tmp.resolve("b").toString(),
            tmp.resolve("c").toString());
    SearchPath search = new SearchPath(Map.of("PATH", path));
    assertThat(search.find("node")).contains(b);
    assertThat(search.find("npm")).isEmpty();
  }

  @Test
  void thePathVariableIsFoundWhateverItsCase() throws Exception {
    Path node = tool("bin", "node", true);
    SearchPath search = new SearchPath(Map.of("Path", tmp.resolve("bin").toString()));
    assertThat(search.find("node")).contains(node);
    assertThat(search.describe()).isEqualTo("PATH=" + tmp.resolve("bin"));
    assertThat(search.withFirst(Path.of("/x")))
        .containsEntry("Path", "/x" + File.pathSeparator + tmp.resolve("bin"))
        .doesNotContainKey("PATH");
  }

  @Test
  void noPathFindsNothingAndSaysSo() {
    SearchPath search = new SearchPath(Map.of("HOME", "/root"));
    assertThat(search.find("node")).isEmpty();
    assertThat(search.describe()).isEqualTo("PATH is not set");
    assertThat(search.withFirst(Path.of("/x")))
        .containsEntry("PATH", "/x")
        .containsEntry("HOME", "/root");
  }
}
