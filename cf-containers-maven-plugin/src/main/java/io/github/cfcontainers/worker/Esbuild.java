package io.github.cfcontainers.worker;

import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.StreamingJson;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The project's own esbuild: its launcher in node_modules and the one Workers invocation. */
public final class Esbuild {

  /**
   * The flags for a Workers ES module, apart from the entry point, metafile and outfile: the one
   * home of how a Worker is bundled (the archetype's {@code npm run build} is only a quick check).
   */
  public static final List<String> FLAGS =
      List.of(
          "--bundle",
          "--format=esm",
          "--platform=neutral",
          "--target=es2022",
          "--conditions=workerd,worker,browser",
          "--main-fields=workerd,worker,browser,module,main",
          "--external:cloudflare:*",
          "--external:node:*",
          "--sourcemap=external",
          "--log-level=warning",
          "--color=false");

  private final Path project;
  private final List<String> launcher;

  private Esbuild(Path project, List<String> launcher) {
    this.project = project;
    this.launcher = List.copyOf(launcher);
  }

  /** The esbuild installed in {@code project}'s node_modules, run by {@code node} if need be. */
  static Esbuild installedIn(Path project, Path node) throws WorkerBundleException {
    Path pkg = project.resolve("node_modules").resolve("esbuild");
    if (!Files.isRegularFile(pkg.resolve("package.json"))) {
      throw new WorkerBundleException(
          "esbuild is not installed in the Worker project "
              + project
              + " (no node_modules/esbuild).",
          "add it as a devDependency: run `npm install --save-dev --save-exact esbuild` in "
              + project
              + " (then commit package.json and package-lock.json).");
    }
    Path bin = pkg.resolve("bin").resolve("esbuild");
    if (Files.isRegularFile(bin)) {
      // Either esbuild's JS launcher or, after its install script ran, the native binary itself.
      return new Esbuild(
          project,
          isNativeExecutable(bin)
              ? List.of(bin.toString())
              : List.of(node.toString(), bin.toString()));
    }
    Path exe = pkg.resolve("esbuild.exe");
    if (Files.isRegularFile(exe)) {
      return new Esbuild(project, List.of(exe.toString()));
    }
    Path dotBin = project.resolve("node_modules").resolve(".bin");
    for (String name :
        SearchPath.WINDOWS ? List.of("esbuild.cmd", "esbuild.exe") : List.of("esbuild")) {
      if (Files.isRegularFile(dotBin.resolve(name))) {
        return new Esbuild(project, List.of(dotBin.resolve(name).toString()));
      }
    }
    throw new WorkerBundleException(
        "esbuild in " + pkg + " has no launcher (no bin/esbuild).",
        "reinstall it: delete node_modules in "
            + project
            + " and run `npm ci` (or `npm install`).");
  }

  /** The command bundling {@code entryPoint} (relative to the project) into {@code outFile}. */
  List<String> command(Path entryPoint, Path outFile, Path metaFile) {
    List<String> cmd = new ArrayList<>(launcher);
    cmd.add(entryPoint.toString().replace(File.separatorChar, '/'));
    cmd.addAll(FLAGS);
    cmd.add("--metafile=" + metaFile);
    cmd.add("--outfile=" + outFile);
    return cmd;
  }

  void bundle(
      Path entryPoint,
      Path outFile,
      Path metaFile,
      NodeToolchain toolchain,
      Duration timeout,
      Reporter log)
      throws WorkerBundleException {
    List<String> cmd = command(entryPoint, outFile, metaFile);
    log.info("Bundling the Worker " + entryPoint + " with esbuild " + version());
    log.debug("Running " + String.join(" ", cmd) + " in " + project);
    var output = new ToolOutput("esbuild", log, line -> true, line -> true);
    ProcessRunner.Result result = toolchain.run(cmd, project, timeout, output, "esbuild");
    if (result.succeeded()) {
      return;
    }
    String text = String.join(System.lineSeparator(), output.kept()).strip();
    if (result.timedOut()) {
      throw new WorkerBundleException(
          "esbuild timed out after " + timeout.toSeconds() + " s bundling " + entryPoint + ".",
          "check the Worker sources for huge imports, or run esbuild by hand in " + project + ".",
          text);
    }
    throw new WorkerBundleException(
        "esbuild failed to bundle the Worker "
            + entryPoint
            + " (exit code "
            + result.exitCode()
            + "):",
        "correct the errors esbuild reports in the Worker sources.",
        text.isEmpty() ? "(esbuild printed nothing)" : text);
  }

  /** The installed version, for the log only. */
  String version() {
    try {
      String pkg = Files.readString(project.resolve("node_modules/esbuild/package.json"));
      return StreamingJson.topLevelString(pkg, "version").orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  static boolean isNativeExecutable(Path file) {
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 4);
    } catch (IOException e) {
      return false;
    }
    if (n >= 2 && head[0] == 'M' && head[1] == 'Z') {
      return true; // PE
    }
    if (n < 4) {
      return false;
    }
    int magic =
        ((head[0] & 0xff) << 24)
            | ((head[1] & 0xff) << 16)
            | ((head[2] & 0xff) << 8)
            | (head[3] & 0xff);
    return magic == 0x7f454c46 // ELF
        || magic == 0xfeedface
        || magic == 0xfeedfacf
        || magic == 0xcefaedfe
        || magic == 0xcffaedfe // Mach-O
        || magic == 0xcafebabe; // Mach-O universal
  }
}
