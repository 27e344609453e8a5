package io.github.cfcontainers.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

  /**
   * Changes {@code file} once {@code after} bytes of the archive went out: mid-copy for a big file.
   */
  private static final class ChangingMidway extends OutputStream {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final long after;
    private final IoAction change;
    private boolean changed;

    ChangingMidway(long after, IoAction change) {
      this.after = after;
      this.change = change;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      sent.write(b, off, len);
      if (!changed && sent.size() > after) {
        changed = true;
        change.run();
      }
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  @Test
  void aFileThatGrowsWhileItIsSentTravelsAsItWasWhenItsSizeWasRead() throws IOException {
    // The invoker's build.log in an IT's context grows while the build runs: CI failed on it.
    write("Dockerfile", "FROM scratch\n");
    byte[] log = new byte[1 << 20];
    Arrays.fill(log, (byte) 'a');
    Files.write(dir.resolve("build.log"), log);
    var out =
        new ChangingMidway(
            64 * 1024,
            () -> Files.write(dir.resolve("build.log"), new byte[4096], StandardOpenOption.APPEND));

    new BuildContextArchive(dir, dir.resolve("Dockerfile")).writeTo(out);

    try (var in = new TarArchiveInputStream(new ByteArrayInputStream(out.sent.toByteArray()))) {
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null && !entry.getName().equals("build.log")) {}
      assertThat(entry).isNotNull();
      assertThat(entry.getSize()).isEqualTo(log.length);
      assertThat(in.readAllBytes()).isEqualTo(log);
    }
    assertThat(Files.size(dir.resolve("build.log"))).isEqualTo(log.length + 4096);
  }

  @Test
  void aFileThatShrinksWhileItIsSentIsRefusedByName() throws IOException {
    write("Dockerfile", "FROM scratch\n");
    Files.write(dir.resolve("build.log"), new byte[1 << 20]);
    var out =
        new ChangingMidway(
            64 * 1024,
            () -> {
              try (var channel =
                  FileChannel.open(dir.resolve("build.log"), StandardOpenOption.WRITE)) {
                channel.truncate(1000);
              }
            });

    assertThatThrownBy(() -> new BuildContextArchive(dir, dir.resolve("Dockerfile")).writeTo(out))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("build.log: shrank from 1048576 to ")
        .hasMessageContaining(".dockerignore");
  }

  @Test
  void appliesDockerignoreButAlwaysSendsDockerfileAndDockerignore() throws IOException {
    Path context = dir.resolve("ctx");
    write("ctx/Dockerfile", "FROM scratch\n");
    write("ctx/.dockerignore", "Dockerfile\n.dockerignore\nsecret.txt\nnode_modules\n");
    write("ctx/secret.txt", "x");
    write("ctx/node_modules/a/index.js", "x");
    write("ctx/app/run.sh", "#!/bin/sh\n");
    Files.setPosixFilePermissions(
        context.resolve("app/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));

    var archive = new BuildContextArchive(context, context.resolve("Dockerfile"));
    var entries = entries(archive(archive));

    assertThat(archive.dockerfilePathInArchive()).isEqualTo("Dockerfile");
    assertThat(entries).containsKeys("Dockerfile", ".dockerignore", "app/", "app/run.sh");
    assertThat(entries)
        .doesNotContainKeys("secret.txt", "node_modules/", "node_modules/a/index.js");
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

    var archive =
        new BuildContextArchive(dir.resolve("ctx"), dir.resolve("docker/Dockerfile.prod"));
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
    assertThat(archive.includedPaths())
        .containsExactly("Dockerfile", "a", "a/1.txt", "b", "b/2.txt");
  }

  @Test
  void symlinksTravelAsLinksWithTheirTargetTextAndNoContent() throws IOException {
    write("Dockerfile", "FROM scratch\n");
    write("data/real.txt", "real");
    write("worker/node_modules/esbuild/bin/esbuild", "#!/bin/sh\n");
    Files.createDirectories(dir.resolve("worker/node_modules/.bin"));
    Files.createSymbolicLink(
        dir.resolve("worker/node_modules/.bin/esbuild"), Path.of("../esbuild/bin/esbuild"));
    Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("data/real.txt"));
    Files.createSymbolicLink(dir.resolve("datalink"), Path.of("data"));
    Files.createSymbolicLink(dir.resolve("dangling"), Path.of("nowhere/at-all"));

    var entries = entries(archive(new BuildContextArchive(dir, dir.resolve("Dockerfile"))));

    for (var name :
        new String[] {"worker/node_modules/.bin/esbuild", "link.txt", "datalink", "dangling"}) {
      assertThat(entries.get(name)).as(name).isNotNull();
      assertThat(entries.get(name).isSymbolicLink()).as(name).isTrue();
      assertThat(entries.get(name).getSize()).as(name).isZero();
    }
    assertThat(entries.get("worker/node_modules/.bin/esbuild").getLinkName())
        .isEqualTo("../esbuild/bin/esbuild");
    assertThat(entries.get("link.txt").getLinkName()).isEqualTo("data/real.txt");
    assertThat(entries.get("datalink").getLinkName()).isEqualTo("data");
    assertThat(entries.get("dangling").getLinkName()).isEqualTo("nowhere/at-all");
    assertThat(entries)
        .as("a link to a directory is not walked into")
        .doesNotContainKey("datalink/real.txt");
    assertThat(entries.get("data/real.txt").getSize()).isEqualTo(4);
  }

  @Test
  void anIgnoredSymlinkStaysOut() throws IOException {
    write("Dockerfile", "FROM scratch\n");
    write(".dockerignore", "node_modules\n");
    Files.createDirectories(dir.resolve("node_modules/.bin"));
    Files.createSymbolicLink(
        dir.resolve("node_modules/.bin/esbuild"), Path.of("../esbuild/bin/esbuild"));

    assertThat(new BuildContextArchive(dir, dir.resolve("Dockerfile")).includedPaths())
        .containsExactly(".dockerignore", "Dockerfile");
  }

  @Test
  @Timeout(20) // sending a fifo's "content" blocks forever: fail instead of hanging
  void aFifoIsRefusedNamingTheFileAndTheDockerignoreFix() throws Exception {
    write("Dockerfile", "FROM scratch\n");
    Files.createDirectories(dir.resolve("run"));
    mkfifo(dir.resolve("run/app.pipe"));

    var archive = new BuildContextArchive(dir, dir.resolve("Dockerfile"));
    assertThatThrownBy(() -> archive(archive))
        .isInstanceOfSatisfying(
            SpecialFileInContextException.class,
            e -> {
              assertThat(e.relativePath()).isEqualTo("run/app.pipe");
              assertThat(e.getMessage())
                  .contains(
                      "contains run/app.pipe",
                      "fifo, socket or device",
                      "Fix: add the line 'run/app.pipe' to " + dir.resolve(".dockerignore"));
            });
  }

  @Test
  void aSocketIsRefusedToo() throws Exception {
    write("Dockerfile", "FROM scratch\n");
    Path socket = dir.resolve("agent.sock");
    try (var server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      var archive = new BuildContextArchive(dir, dir.resolve("Dockerfile"));
      assertThatThrownBy(archive::includedPaths)
          .isInstanceOf(SpecialFileInContextException.class)
          .hasMessageContaining("contains agent.sock");
    }
  }

  @Test
  @Timeout(20)
  void aFifoListedInDockerignoreIsLeftOutQuietly() throws Exception {
    write("Dockerfile", "FROM scratch\n");
    write(".dockerignore", "*.pipe\n");
    mkfifo(dir.resolve("app.pipe"));

    assertThat(new BuildContextArchive(dir, dir.resolve("Dockerfile")).includedPaths())
        .containsExactly(".dockerignore", "Dockerfile");
  }

  private static void mkfifo(Path path) throws Exception {
    var process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(process.waitFor()).as("mkfifo " + path).isZero();
  }

  @Test
  void aDockerfileOutsideTheContextThatIsALinkTravelsAsItsContent() throws IOException {
    write("ctx/app.txt", "a");
    write("docker/Dockerfile.real", "FROM scratch\nCOPY app.txt /\n");
    Files.createSymbolicLink(dir.resolve("docker/Dockerfile"), Path.of("Dockerfile.real"));
    var archive = new BuildContextArchive(dir.resolve("ctx"), dir.resolve("docker/Dockerfile"));

    var entry = entries(archive(archive)).get(BuildContextArchive.OUTSIDE_DOCKERFILE);
    assertThat(entry.isSymbolicLink()).isFalse();
    assertThat(entry.getSize()).isEqualTo("FROM scratch\nCOPY app.txt /\n".length());
  }
}
