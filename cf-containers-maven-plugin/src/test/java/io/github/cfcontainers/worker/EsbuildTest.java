package io.github.cfcontainers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class EsbuildTest {

  private static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1};

  @TempDir Path project;

  private Path esbuildPackage() throws Exception {
    Path pkg = Files.createDirectories(project.resolve("node_modules/esbuild"));
    Files.writeString(pkg.resolve("package.json"), "{\"name\":\"esbuild\",\"version\":\"0.28.2\"}");
    return pkg;
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aJsLauncherRunsUnderNodeAndTheCommandEndsWithMetafileAndOutfile() throws Exception {
    Path bin = Files.createDirectories(esbuildPackage().resolve("bin")).resolve("esbuild");
    Files.writeString(bin, "#!/usr/bin/env node\nrequire('../lib/main.js')\n");
    Esbuild esbuild = Esbuild.installedIn(project, Path.of("/opt/node/bin/node"));

    List<String> cmd =
        esbuild.command(Path.of("src", "worker.ts"), Path.of("/o/worker.js"), Path.of("/o/m.json"));

    assertThat(cmd.subList(0, 3))
        .containsExactly("/opt/node/bin/node", bin.toString(), "src/worker.ts");
    assertThat(cmd.subList(3, 3 + Esbuild.FLAGS.size())).isEqualTo(Esbuild.FLAGS);
    assertThat(cmd.subList(3 + Esbuild.FLAGS.size(), cmd.size()))
        .containsExactly("--metafile=/o/m.json", "--outfile=/o/worker.js");
    assertThat(esbuild.version()).isEqualTo("0.28.2");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void aNativeBinaryRunsOnItsOwn() throws Exception {
    Path bin = Files.createDirectories(esbuildPackage().resolve("bin")).resolve("esbuild");
    Files.write(bin, ELF);
    List<String> cmd =
        Esbuild.installedIn(project, Path.of("node"))
            .command(Path.of("w.ts"), Path.of("o.js"), Path.of("m.json"));
    assertThat(cmd.get(0)).isEqualTo(bin.toString());
    assertThat(cmd.get(1)).isEqualTo("w.ts");
  }

  @Test
  void recognisesExecutableFormatsByTheirMagic() throws Exception {
    Path f = project.resolve("f");
    Files.write(f, ELF);
    assertThat(Esbuild.isNativeExecutable(f)).isTrue();
    Files.write(f, new byte[] {'M', 'Z'});
    assertThat(Esbuild.isNativeExecutable(f)).isTrue();
    Files.write(f, new byte[] {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe});
    assertThat(Esbuild.isNativeExecutable(f)).isTrue();
    Files.writeString(f, "#!/usr/bin/env node\n");
    assertThat(Esbuild.isNativeExecutable(f)).isFalse();
    assertThat(Esbuild.isNativeExecutable(project.resolve("absent"))).isFalse();
  }

  @Test
  void aMissingEsbuildOrLauncherIsReported() throws Exception {
    assertThatThrownBy(() -> Esbuild.installedIn(project, Path.of("node")))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("esbuild is not installed in the Worker project " + project)
        .hasMessageContaining("npm install --save-dev --save-exact esbuild");
    Path pkg = esbuildPackage();
    assertThatThrownBy(() -> Esbuild.installedIn(project, Path.of("node")))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("esbuild in " + pkg + " has no launcher (no bin/esbuild).");
  }
}
