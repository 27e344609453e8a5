// Over 300 lines: one test per bundler behaviour, each on a real Node project.
package io.github.cfcontainers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real npm and esbuild against the fixture project. {@code npm ci} runs once (in {@link
 * #installOnce()}, through the bundler itself); the tests copy the installed project to their own
 * temp directory.
 */
class WorkerBundlerTest {

  private static final Pattern IMPORT_SPECIFIER =
      Pattern.compile("(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*)[\"']([^\"']+)[\"']");

  /** The fixture after the bundler ran {@code npm ci} in it. */
  private static Path installed;

  private static RecordingListener installLog;
  private static WorkerBundle installBundle;

  private final WorkerBundler bundler = new WorkerBundler();

  @TempDir Path tmp;

  @BeforeAll
  static void installOnce() throws Exception {
    Path cache =
        FixtureProjects.targetDirectory().resolve("worker-bundler-test").resolve("fixture");
    FixtureProjects.deleteTree(cache);
    FixtureProjects.copySources(cache);
    assertThat(cache.resolve("node_modules")).doesNotExist();
    installLog = new RecordingListener();
    installBundle =
        new WorkerBundler()
            .bundle(
                WorkerSource.of(cache, "src/worker.ts", cache.resolve("target/worker")),
                installLog);
    installed = cache;
  }

  private Path copyInstalled(String name) {
    Path project = tmp.resolve(name);
    FixtureProjects.copyTree(installed, project);
    FixtureProjects.deleteTree(project.resolve("target"));
    return project;
  }

  private Path copyFixtureWithoutNodeModules(String name) {
    Path project = tmp.resolve(name);
    FixtureProjects.copySources(project);
    return project;
  }

  private static WorkerSource source(Path project) {
    return WorkerSource.of(project, "src/worker.ts", project.resolve("target/worker"));
  }

  // ------------------------------------------------------------------ happy path

  @Test
  void runsNpmCiWhenNodeModulesIsAbsent() {
    assertThat(installLog.lines()).anySatisfy(l -> assertThat(l).contains("npm ci"));
    assertThat(installed.resolve("node_modules/esbuild/package.json")).isRegularFile();
    assertThat(installed.resolve("node_modules/@cloudflare/containers/package.json"))
        .isRegularFile();
    assertThat(installBundle.exports()).contains("MyContainer", "default");
  }

  @Test
  void bundlesIntoOneSelfContainedEsModule() throws Exception {
    Path project = copyInstalled("p");
    RecordingListener log = new RecordingListener();

    WorkerBundle bundle = bundler.bundle(source(project), log);

    assertThat(bundle.mainModule()).isEqualTo("worker.js");
    assertThat(bundle.modules()).hasSize(1);
    BundleFile main = bundle.main();
    assertThat(main.name()).isEqualTo("worker.js");
    assertThat(main.contentType()).isEqualTo("application/javascript+module");
    assertThat(main.path()).isEqualTo(project.resolve("target/worker/worker.js"));
    assertThat(main.bytes()).isEqualTo(Files.readAllBytes(main.path()));
    String js = new String(main.bytes(), StandardCharsets.UTF_8);
    assertThat(js).contains("export {").containsPattern("MyContainer = class extends Container\\b");
    assertThat(importSpecifiers(js))
        .isNotEmpty()
        .allSatisfy(spec -> assertThat(spec).matches("(cloudflare|node):.*"))
        .doesNotContain("@cloudflare/containers");

    assertThat(bundle.sourceMap())
        .hasValueSatisfying(
            map -> {
              assertThat(map.name()).isEqualTo("worker.js.map");
              assertThat(map.contentType()).isEqualTo("application/source-map");
              assertThat(new String(map.bytes(), StandardCharsets.UTF_8)).contains("\"mappings\"");
            });
    assertThat(bundle.parts())
        .extracting(BundleFile::name)
        .containsExactly("worker.js", "worker.js.map");
    assertThat(bundle.exports()).containsExactly("MyContainer", "default");
    assertThat(bundle.exportsName("MyContainer")).isTrue();
    assertThat(bundle.exportsName("Other")).isFalse();
    assertThat(bundle.sha256()).matches("[0-9a-f]{64}");
    assertThat(project.resolve("target/worker/worker.meta.json")).isRegularFile();
    assertThat(log.lines()).noneSatisfy(l -> assertThat(l).contains("npm ci"));
  }

  @Test
  void isDeterministicAndHashFollowsTheSource() throws Exception {
    Path project = copyInstalled("p");
    WorkerBundle first = bundler.bundle(source(project), null);
    WorkerBundle second = bundler.bundle(source(project), null);
    assertThat(second.sha256()).isEqualTo(first.sha256());
    assertThat(second.main().bytes()).isEqualTo(first.main().bytes());
    assertThat(second.sourceMap().orElseThrow().bytes())
        .isEqualTo(first.sourceMap().orElseThrow().bytes());

    // same sources elsewhere on disk: same bytes (paths in the bundle are relative to the project)
    Path elsewhere = copyInstalled("other-place");
    assertThat(bundler.bundle(source(elsewhere), null).sha256()).isEqualTo(first.sha256());
    assertThat(installBundle.sha256()).isEqualTo(first.sha256());

    Path ts = project.resolve("src/worker.ts");
    Files.writeString(ts, Files.readString(ts).replace("defaultPort = 8080", "defaultPort = 9090"));
    WorkerBundle changed = bundler.bundle(source(project), null);
    assertThat(changed.sha256()).isNotEqualTo(first.sha256());
    assertThat(new String(changed.main().bytes(), StandardCharsets.UTF_8)).contains("9090");
  }

  @Test
  void worksOfflineWhenNodeModulesIsPresent() throws Exception {
    Path project = copyInstalled("p");
    WorkerBundle bundle = bundler.bundle(source(project).withOffline(true), null);
    assertThat(bundle.exports()).contains("MyContainer");
  }

  @Test
  void warnsWhenTheLockfileIsNewerThanNodeModules() throws Exception {
    Path project = copyInstalled("p");
    Path installedLock = project.resolve("node_modules/.package-lock.json");
    assertThat(installedLock).isRegularFile();
    Files.setLastModifiedTime(
        project.resolve("package-lock.json"),
        FileTime.fromMillis(Files.getLastModifiedTime(installedLock).toMillis() + 60_000));
    RecordingListener log = new RecordingListener();
    bundler.bundle(source(project), log);
    assertThat(log.lines())
        .anySatisfy(l -> assertThat(l).startsWith("WARN package-lock.json").contains("npm ci"));
    assertThat(log.lines()).noneSatisfy(l -> assertThat(l).contains("Installing"));
  }

  @Test
  void acceptsExplicitNodeAndNpmExecutables() throws Exception {
    Path node = onPath("node");
    Path npm = onPath("npm");
    Path project = copyInstalled("p");
    WorkerBundle bundle =
        bundler.bundle(source(project).withNodeExecutable(node).withNpmExecutable(npm), null);
    assertThat(bundle.exports()).contains("default");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void runsAJavaScriptEsbuildLauncherWithNode() throws Exception {
    // esbuild's package ships bin/esbuild as a JS launcher that its install script may replace by
    // the binary
    Path project = copyInstalled("p");
    Path launcher = project.resolve("node_modules/esbuild/bin/esbuild");
    Files.delete(launcher);
    Files.writeString(
        launcher,
        "#!/usr/bin/env node\n"
            + "const bin = require('path').join(__dirname, '../../@esbuild/linux-x64/bin/esbuild');\n"
            + "const r = require('child_process').spawnSync(bin, process.argv.slice(2), { stdio: 'inherit' });\n"
            + "process.exit(r.status === null ? 1 : r.status);\n");
    Files.setPosixFilePermissions(
        launcher, PosixFilePermissions.fromString("rw-r--r--")); // not executable
    WorkerBundle bundle = bundler.bundle(source(project), null);
    assertThat(bundle.sha256()).isEqualTo(installBundle.sha256());
  }

  @Test
  void runsNpmInstallWithoutLockfile() throws Exception {
    Path project = copyFixtureWithoutNodeModules("p");
    Files.delete(project.resolve("package-lock.json"));
    RecordingListener log = new RecordingListener();
    WorkerBundle bundle = bundler.bundle(source(project), log);
    assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("npm install"));
    assertThat(bundle.exports()).contains("MyContainer", "default");
    assertThat(bundle.sha256()).isEqualTo(installBundle.sha256());
  }

  // ------------------------------------------------------------------ failures

  @Test
  void syntaxErrorReportsEsbuildsMessage() throws Exception {
    Path project = copyInstalled("p");
    Files.writeString(project.resolve("src/worker.ts"), "export default {\n  fetch( {\n");
    RecordingListener log = new RecordingListener();

    assertThatThrownBy(() -> bundler.bundle(source(project), log))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("esbuild failed to bundle the Worker src/worker.ts")
        .hasMessageContaining("[ERROR] Expected identifier but found end of file")
        .hasMessageContaining("src/worker.ts:3:0")
        .hasMessageContaining("Fix: ");
    assertThat(log.lines())
        .anySatisfy(l -> assertThat(l).startsWith("WARN [esbuild]").contains("ERROR"));
    assertThat(project.resolve("target/worker/worker.js")).doesNotExist();
  }

  @Test
  void unresolvableImportReportsEsbuildsMessage() throws Exception {
    Path project = copyInstalled("p");
    Files.writeString(
        project.resolve("src/worker.ts"),
        "import { x } from \"no-such-package\";\nexport default { fetch() { return x; } };\n");
    assertThatThrownBy(() -> bundler.bundle(source(project), null))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("Could not resolve \"no-such-package\"");
  }

  @Test
  void missingEntryPoint() {
    Path project = copyInstalled("p");
    WorkerSource src = WorkerSource.of(project, "src/nope.ts", project.resolve("target/worker"));
    assertThatThrownBy(() -> bundler.bundle(src, null))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("entry point src/nope.ts does not exist")
        .hasMessageContaining("Fix: create it");
  }

  @Test
  void missingPackageJson() throws Exception {
    Path project = copyFixtureWithoutNodeModules("p");
    Files.delete(project.resolve("package.json"));
    assertThatThrownBy(() -> bundler.bundle(source(project), null))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("has no package.json")
        .hasMessageContaining("npm init");
  }

  @Test
  void missingProjectDirectory() {
    Path project = tmp.resolve("absent");
    assertThatThrownBy(() -> bundler.bundle(source(project), null))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void missingEsbuildInNodeModules() {
    Path project = copyInstalled("p");
    FixtureProjects.deleteTree(project.resolve("node_modules/esbuild"));
    assertThatThrownBy(() -> bundler.bundle(source(project), null))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("esbuild is not installed")
        .hasMessageContaining("devDependency")
        .hasMessageContaining("npm install --save-dev --save-exact esbuild");
  }

  @Test
  void offlineWithoutNodeModulesIsRefused() {
    Path project = copyFixtureWithoutNodeModules("p");
    assertThatThrownBy(() -> bundler.bundle(source(project).withOffline(true), null))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("offline mode forbids running `npm ci`")
        .hasMessageContaining("run `npm ci` in")
        .hasMessageContaining("without offline mode (-o)");
    assertThat(project.resolve("node_modules")).doesNotExist();
  }

  @Test
  void bogusNpmPathIsReported() {
    Path project = copyFixtureWithoutNodeModules("p");
    Path bogus = tmp.resolve("no-such-dir/npm");
    assertThatThrownBy(() -> bundler.bundle(source(project).withNpmExecutable(bogus), null))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("npm executable " + bogus + " does not exist")
        .hasMessageContaining("Node.js 18 or newer");
  }

  @Test
  void nodeNotOnPathIsReported() throws IOException {
    Path emptyBin = Files.createDirectories(tmp.resolve("empty-bin"));
    WorkerBundler noNode =
        new WorkerBundler(
            Map.of("PATH", emptyBin.toString()), Duration.ofMinutes(1), Duration.ofMinutes(1));
    Path project = copyFixtureWithoutNodeModules("p");
    assertThatThrownBy(() -> noNode.bundle(source(project), null))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("Node.js was not found")
        .hasMessageContaining("install Node.js 18 or newer")
        .hasMessageContaining("set the path to the node executable");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void npmNotOnPathIsReportedWhenAnInstallIsNeeded() throws IOException {
    // node is given explicitly; the PATH has no npm
    Path emptyBin = Files.createDirectories(tmp.resolve("empty-bin"));
    Path node = onPath("node");
    Path nodeOnly = Files.createDirectories(tmp.resolve("node-only"));
    Path wrapper = nodeOnly.resolve("node");
    Files.writeString(wrapper, "#!/bin/sh\nexec '" + node + "' \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    WorkerBundler noNpm =
        new WorkerBundler(
            Map.of("PATH", emptyBin.toString()), Duration.ofMinutes(1), Duration.ofMinutes(1));
    Path project = copyFixtureWithoutNodeModules("p");
    assertThatThrownBy(() -> noNpm.bundle(source(project).withNodeExecutable(wrapper), null))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("npm was not found")
        .hasMessageContaining("set the path to the npm executable");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void tooOldNodeIsRefused() throws IOException {
    Path fakeNode = tmp.resolve("node");
    Files.writeString(fakeNode, "#!/bin/sh\necho v16.20.2\n");
    Files.setPosixFilePermissions(fakeNode, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path project = copyFixtureWithoutNodeModules("p");
    assertThatThrownBy(() -> bundler.bundle(source(project).withNodeExecutable(fakeNode), null))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("Node.js v16.20.2")
        .hasMessageContaining("too old")
        .hasMessageContaining("18 or newer");
  }

  @Test
  void npmCiFailureCarriesNpmsError() throws Exception {
    Path project = copyFixtureWithoutNodeModules("p");
    Path pkg = project.resolve("package.json");
    Files.writeString(
        pkg,
        Files.readString(pkg)
            .replace(
                "\"@cloudflare/containers\": \"0.3.7\"",
                "\"@cloudflare/containers\": \"0.3.7\",\n    \"left-pad\": \"1.3.0\""));
    assertThatThrownBy(() -> bundler.bundle(source(project), null))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("`npm ci` failed with exit code")
        .hasMessageContaining("in sync")
        .hasMessageContaining("run `npm install`")
        .hasMessageContaining("Missing: left-pad@1.3.0 from lock file")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("--legacy-bundling", "Usage:"));
  }

  // ------------------------------------------------------------------ helpers

  private static List<String> importSpecifiers(String js) {
    List<String> specs = new ArrayList<>();
    Matcher m = IMPORT_SPECIFIER.matcher(js);
    while (m.find()) {
      specs.add(m.group(1));
    }
    return specs;
  }

  private static Path onPath(String tool) {
    for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException(tool + " is not on the PATH");
  }
}
