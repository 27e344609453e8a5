package io.github.cfcontainers.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.RecordingReporter;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.config.Written;
import io.github.cfcontainers.worker.BundleFile;
import io.github.cfcontainers.worker.WorkerBundle;
import io.github.cfcontainers.worker.WorkerBundleException;
import io.github.cfcontainers.worker.WorkerSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Worker's content key: esbuild runs again only when what it reads or wrote has changed. */
class BuildServiceWorkerReuseTest {

  @TempDir Path base;

  private final RecordingReporter reporter = RecordingReporter.withDebug();
  private final List<String> log = reporter.lines;

  private int bundles;
  private String bundleFailure;
  private ThrowingRunnable editDuringBundle;

  interface ThrowingRunnable {
    void run() throws IOException;
  }

  /** Stands in for esbuild: writes the bundle and a metafile naming a bundled dependency. */
  private WorkerBundle bundle(WorkerSource source, Reporter r) throws WorkerBundleException {
    if (bundleFailure != null) {
      throw new WorkerBundleException(bundleFailure, "fix it.");
    }
    bundles++;
    try {
      if (editDuringBundle != null) {
        editDuringBundle.run(); // as an IDE autosave while esbuild runs
        editDuringBundle = null;
      }
      Path out = Files.createDirectories(source.outputDirectory());
      byte[] code =
          ("// " + Files.readString(source.projectDirectory().resolve("src/worker.ts"))).getBytes();
      Files.write(out.resolve(WorkerBundle.MAIN_MODULE), code);
      Files.writeString(
          out.resolve(WorkerBundle.METAFILE),
          "{\"inputs\":{\"src/worker.ts\":{},"
              + "\"node_modules/@cloudflare/containers/dist/index.js\":{},"
              + "\"../shared/util.ts\":{}},\"outputs\":{}}");
      var main =
          new BundleFile(
              WorkerBundle.MAIN_MODULE,
              BundleFile.ES_MODULE,
              code,
              out.resolve(WorkerBundle.MAIN_MODULE));
      return new WorkerBundle(
          WorkerBundle.MAIN_MODULE,
          List.of(main),
          Optional.empty(),
          "sha" + bundles,
          Set.of("default", "MyContainer"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @BeforeEach
  void project() throws Exception {
    Path worker = Files.createDirectories(base.resolve("worker/src"));
    Files.writeString(base.resolve("worker/package.json"), "{}");
    Files.writeString(base.resolve("worker/package-lock.json"), "{}");
    Files.writeString(worker.resolve("worker.ts"), "export default {}");
    Path dependency =
        Files.createDirectories(base.resolve("worker/node_modules/@cloudflare/containers/dist"));
    Files.writeString(dependency.resolve("index.js"), "export class Container {}");
    Files.writeString(base.resolve("worker/node_modules/unused.js"), "not bundled");
    Files.createDirectories(base.resolve("shared"));
    Files.writeString(base.resolve("shared/util.ts"), "export const x = 1");
  }

  private BuildReport build(String className) {
    var request =
        BuildRequests.of(
            base,
            Written.container(className, null, null, "registry.example/app:1", null),
            false,
            base.resolve("target/cf-containers"));
    return new BuildService(new FakeBuildEngine(), (spec, out) -> "digest", this::bundle, reporter)
        .build(request);
  }

  @Test
  void anUnchangedWorkerIsNotBundledAgain() {
    var first = build("MyContainer");
    log.clear();

    var second = build("MyContainer");

    assertThat(bundles).isEqualTo(1);
    assertThat(second.workerBundle()).isEqualTo(first.workerBundle());
    assertThat(first.workerBundle().contentKey()).matches("[0-9a-f]{64}");
    assertThat(log)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("Worker bundle unchanged since the last build: ")
                    .contains(first.workerBundle().contentKey().substring(0, 12)));
  }

  @Test
  void anUnbundledFileInNodeModulesKeepsTheKey() throws Exception {
    build("MyContainer");
    Files.writeString(base.resolve("worker/node_modules/unused.js"), "changed");

    build("MyContainer");

    assertThat(bundles).isEqualTo(1);
  }

  private void changedThenBuilt(String file, String text) throws Exception {
    build("MyContainer");
    Path path = base.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);

    build("MyContainer");

    assertThat(bundles).as(file).isEqualTo(2);
  }

  @Test
  void aChangedSourceRebundles() throws Exception {
    changedThenBuilt("worker/src/worker.ts", "export default { fetch() {} }");
  }

  @Test
  void aNewSourceRebundles() throws Exception {
    changedThenBuilt("worker/src/container.ts", "export class MyContainer {}");
  }

  @Test
  void aChangedLockFileRebundles() throws Exception {
    changedThenBuilt("worker/package-lock.json", "{\"v\":2}");
  }

  @Test
  void aChangedBundledDependencyRebundles() throws Exception {
    changedThenBuilt("worker/node_modules/@cloudflare/containers/dist/index.js", "changed");
  }

  @Test
  void aChangedInputOutsideTheProjectRebundles() throws Exception {
    changedThenBuilt("shared/util.ts", "export const x = 2");
  }

  @Test
  void aReinstalledDependencyTreeRebundles() throws Exception {
    changedThenBuilt("worker/node_modules/.package-lock.json", "{}");
  }

  /** Builds, then per change: writes it, builds, and expects one more bundle. */
  private void eachRebundles(String... fileThenText) throws Exception {
    build("MyContainer");
    for (int i = 0; i < fileThenText.length; i += 2) {
      int before = bundles;
      Path path = base.resolve(fileThenText[i]);
      Files.createDirectories(path.getParent());
      Files.writeString(path, fileThenText[i + 1]);
      build("MyContainer");
      assertThat(bundles).as(fileThenText[i]).isEqualTo(before + 1);
    }
    build("MyContainer");
    assertThat(bundles).as("unchanged at last").isEqualTo(1 + fileThenText.length / 2);
  }

  @Test
  void aTsconfigExtendedFromOutsideTheProjectRebundlesWhenItChanges() throws Exception {
    // esbuild reads it (e.g. useDefineForClassFields changes the output) but no metafile names it
    Files.writeString(
        base.resolve("worker/tsconfig.json"),
        "{ // the monorepo's settings\n \"extends\": \"../tsconfig.base.json\",\n}");
    Files.writeString(base.resolve("tsconfig.base.json"), "{\"extends\": \"./tsconfig.root\"}");
    Files.writeString(base.resolve("tsconfig.root.json"), "{}");
    eachRebundles(
        "tsconfig.root.json", "{\"compilerOptions\":{\"target\":\"es2020\"}}",
        "tsconfig.base.json", "{\"extends\":\"./tsconfig.root\",\"compilerOptions\":{}}");
  }

  @Test
  void aTsconfigExtendedFromAPackageRebundlesWhenItChanges() throws Exception {
    Files.writeString(
        base.resolve("worker/tsconfig.json"),
        "{\"extends\": [\"@tsconfig/strictest/tsconfig.json\", \"./tsconfig.local\"]}");
    Files.writeString(base.resolve("worker/tsconfig.local.json"), "{}");
    Files.createDirectories(base.resolve("worker/node_modules/@tsconfig/strictest"));
    Files.writeString(base.resolve("worker/node_modules/@tsconfig/strictest/tsconfig.json"), "{}");
    changedThenBuilt("worker/node_modules/@tsconfig/strictest/tsconfig.json", "{\"x\":1}");
  }

  /** The Worker's tsconfig extends a file of the installed package @acme/tsconfig. */
  private void extendingAcmeTsconfig() throws IOException {
    Files.writeString(
        base.resolve("worker/tsconfig.json"), "{\"extends\": \"@acme/tsconfig/base.json\"}");
    Path pkg = Files.createDirectories(base.resolve("worker/node_modules/@acme/tsconfig"));
    Files.writeString(pkg.resolve("base.json"), "{}");
  }

  @Test
  void aTsconfigExtendedFromAPackageThatMapsItsFilesMeansNoKey() throws Exception {
    // esbuild follows package.json "exports" (and "tsconfig"); this lookup does not
    extendingAcmeTsconfig();
    Files.writeString(
        base.resolve("worker/node_modules/@acme/tsconfig/package.json"),
        "{\"exports\": {\"./base.json\": \"./b.json\"}}");
    var first = build("MyContainer");
    build("MyContainer");

    assertThat(bundles).isEqualTo(2);
    assertThat(first.workerBundle().contentKey()).isNull();
    assertThat(log).anySatisfy(line -> assertThat(line).contains("No content key for the Worker"));
  }

  @Test
  void theExtendedPackagesManifestIsInTheKey() throws Exception {
    extendingAcmeTsconfig();
    Files.writeString(
        base.resolve("worker/node_modules/@acme/tsconfig/package.json"),
        "{\"name\": \"@acme/tsconfig\"}");
    eachRebundles(
        "worker/node_modules/@acme/tsconfig/package.json",
        "{\"name\": \"@acme/tsconfig\", \"v\": 2}");
  }

  @Test
  void tsconfigsEsbuildNeverReadsDoNotRemoveTheKey() throws Exception {
    // a dependency's own tsconfig (esbuild ignores those in node_modules) and a lint variant,
    // both extending packages that are not installed
    Files.writeString(
        base.resolve("worker/node_modules/@cloudflare/containers/tsconfig.json"),
        "{\"extends\": \"@cloudflare/workers-tsconfig\"}");
    Files.writeString(
        base.resolve("worker/tsconfig.eslint.json"), "{\"extends\": \"@acme/eslint-config\"}");
    var first = build("MyContainer");
    build("MyContainer");

    assertThat(first.workerBundle().contentKey()).matches("[0-9a-f]{64}");
    assertThat(bundles).isEqualTo(1);
  }

  @Test
  void aTsconfigExtendingWhatIsNotFoundIsBundledEveryTime() throws Exception {
    Files.writeString(base.resolve("worker/tsconfig.json"), "{\"extends\": \"../missing.json\"}");
    var first = build("MyContainer");
    build("MyContainer");

    assertThat(bundles).isEqualTo(2);
    assertThat(first.workerBundle().contentKey()).isNull();
  }

  @Test
  void aConfigAboveTheProjectRebundlesWhenItChangesOrAppears() throws Exception {
    eachRebundles(
        "tsconfig.json", "{\"compilerOptions\":{}}",
        "tsconfig.json", "{\"compilerOptions\":{\"strict\":true}}",
        "package.json", "{\"type\":\"module\"}");
  }

  @Test
  void aPackageJsonBesideAnInputOutsideTheProjectRebundles() throws Exception {
    changedThenBuilt("shared/package.json", "{\"sideEffects\":false}");
  }

  @Test
  void aSourceSavedWhileBundlingIsNotRecordedAsBundled() throws Exception {
    editDuringBundle =
        () -> Files.writeString(base.resolve("worker/src/container.ts"), "export class C {}");
    var first = build("MyContainer");
    assertThat(first.workerBundle().contentKey()).isNull();
    assertThat(log).anySatisfy(line -> assertThat(line).contains("changed while bundling"));

    build("MyContainer"); // bundles what was saved, and records it
    build("MyContainer");

    assertThat(bundles).isEqualTo(2);
  }

  @Test
  void anEditedOrRemovedBundleRebundles() throws Exception {
    changedThenBuilt("target/cf-containers/worker/worker.js", "tampered");
    Files.delete(base.resolve("target/cf-containers/worker/worker.js"));
    build("MyContainer");
    assertThat(bundles).isEqualTo(3);
  }

  @Test
  void aCorruptBuildJsonRebundles() throws Exception {
    changedThenBuilt("target/cf-containers/build.json", "not json");
  }

  @Test
  void theExportsCheckStillRunsOnAReusedBundle() {
    build("MyContainer");

    assertThatThrownBy(() -> build("NotExported"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(
            "does not export the class NotExported (it exports MyContainer, default)");
    assertThat(bundles).isEqualTo(1);
  }

  @Test
  void aBundlerFailureKeepsItsTextAfterThePrefix() {
    bundleFailure = "The Worker entry point src/worker.ts does not exist.";

    assertThatThrownBy(() -> build("MyContainer"))
        .isInstanceOf(WorkerBundleFailedException.class)
        .hasMessageStartingWith(
            "Bundling the Worker failed: The Worker entry point src/worker.ts does not exist.")
        .hasCauseInstanceOf(WorkerBundleException.class);
  }
}
