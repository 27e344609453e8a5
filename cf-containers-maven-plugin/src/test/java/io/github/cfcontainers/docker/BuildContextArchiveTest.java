package io.github.cfcontainers.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextArchiveTest {

  @TempDir Path dir;

  private void write(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static Map<String, TarArchiveEntry> entries(byte[] tar) throws IOException {
    var entries = new HashMap<String, TarArchiveEntry>();
    try (var in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), entry);
      }
    }
    return entries;
  }

  private static byte[] archive(BuildContextArchive archive) throws IOException {
    var out = new ByteArrayOutputStream();
    archive.writeTo(out);
    return out.toByteArray();
  }

  @Test
  void appliesDockerignoreButAlwaysSendsDockerfileAndDockerignore() throws IOException {
    Path context = dir.resolve("ctx");
    write("ctx/Dockerfile", "FROM scratch\n");
    write("ctx/.dockerignore", "Dockerfile\n.dockerignore\nsecret.txt\nnode_modules\n");
    write("ctx/secret.txt", "x");
    write("ctx/node_modules/a/index.js", "x");
    write("ctx/app/run.sh", "#!/bin/sh\n");
    Files.setPosixFilePermissions(context.resolve("app/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));

    var archive = new BuildContextArchive(context, context.resolve("Dockerfile"));
    var entries = entries(archive(archive));

    assertThat(archive.dockerfilePathInArchive()).isEqualTo("Dockerfile");
    assertThat(entries).containsKeys("Dockerfile", ".dockerignore", "app/", "app/run.sh");
    assertThat(entries).doesNotContainKeys("secret.txt", "node_modules/", "node_modules/a/index.js");
    assertThat(entries.get("app/run.sh").getMode() & 0777).isEqualTo(0750);
    assertThat(entries.get("Dockerfile").getSize()).isEqualTo("FROM scratch\n".length());
  }

  @Test
  void ignoredDirectoryIsWalkedWhenARuleReincludesSomethingInIt() throws IOException {
    write("Dockerfile", "FROM scratch\n");
    write(".dockerignore", "docs\n!docs/keep.md\n");
    write("docs/keep.md", "k");
    write("docs/drop.md", "d");

    var paths = new BuildContextArchive(dir, dir.resolve("Dockerfile")).includedPaths();
    assertThat(paths).contains("docs/keep.md").doesNotContain("docs/drop.md", "docs");
  }

  @Test
  void dockerfileOutsideTheContextTravelsUnderAPrivateName() throws IOException {
    write("ctx/app.txt", "a");
    write("docker/Dockerfile.prod", "FROM scratch\nCOPY app.txt /\n");

    var archive = new BuildContextArchive(dir.resolve("ctx"), dir.resolve("docker/Dockerfile.prod"));
    var entries = entries(archive(archive));

    assertThat(archive.dockerfilePathInArchive()).isEqualTo(BuildContextArchive.OUTSIDE_DOCKERFILE);
    assertThat(entries).containsKeys("app.txt", BuildContextArchive.OUTSIDE_DOCKERFILE);
  }

  @Test
  void sameTreeGivesTheSameArchive() throws IOException {
    write("Dockerfile", "FROM scratch\n");
    write("b/2.txt", "2");
    write("a/1.txt", "1");
    var archive = new BuildContextArchive(dir, dir.resolve("Dockerfile"));

    assertThat(archive(archive)).isEqualTo(archive(archive));
    assertThat(archive.includedPaths()).containsExactly("Dockerfile", "a", "a/1.txt", "b", "b/2.txt");
  }
}
