package io.github.cfcontainers.worker;

import io.github.cfcontainers.common.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Bundles a Worker's npm project into the single ES module the Workers upload takes, with the
 * project's own esbuild:
 *
 * <ol>
 *   <li>checks the project ({@code package.json}, the entry point) and the tools ({@code
 *       NodeToolchain}: {@code node} 18+, {@code npm});
 *   <li>installs the dependencies when {@code node_modules} is missing - never in offline mode
 *       ({@code NpmInstall});
 *   <li>runs {@code node_modules/esbuild} with the Workers flags ({@code Esbuild}), writing {@link
 *       WorkerBundle#MAIN_MODULE}, {@link WorkerBundle#SOURCE_MAP} and {@link
 *       WorkerBundle#METAFILE} to the output directory;
 *   <li>reads the metafile for the main module's exported names ({@code Metafile}) and returns the
 *       {@link WorkerBundle}.
 * </ol>
 *
 * esbuild is deterministic: the same sources, esbuild version and project-to-output layout give the
 * same bytes and so the same {@link WorkerBundle#sha256()}. Instances are stateless and
 * thread-safe.
 */
public final class WorkerBundler {

  public static final Duration DEFAULT_INSTALL_TIMEOUT = Duration.ofMinutes(10);
  public static final Duration DEFAULT_BUNDLE_TIMEOUT = Duration.ofMinutes(5);

  private final Map<String, String> environment;
  private final Duration installTimeout;
  private final Duration bundleTimeout;

  /** A bundler using the JVM's environment (PATH) and the default timeouts. */
  public WorkerBundler() {
    this(System.getenv(), DEFAULT_INSTALL_TIMEOUT, DEFAULT_BUNDLE_TIMEOUT);
  }

  /**
   * @param environment environment of the child processes; its PATH is where node and npm are
   *     looked up
   * @param installTimeout limit for {@code npm ci} / {@code npm install}
   * @param bundleTimeout limit for esbuild
   */
  public WorkerBundler(
      Map<String, String> environment, Duration installTimeout, Duration bundleTimeout) {
    this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    this.installTimeout = Objects.requireNonNull(installTimeout, "installTimeout");
    this.bundleTimeout = Objects.requireNonNull(bundleTimeout, "bundleTimeout");
  }

  /**
   * Bundles {@code source}.
   *
   * @param listener receives progress and the tools' output, line by line (may be null)
   * @throws WorkerBundleException naming the problem and its fix
   */
  public WorkerBundle bundle(WorkerSource source, Reporter listener) throws WorkerBundleException {
    Objects.requireNonNull(source, "source");
    Reporter log = listener == null ? Reporter.SILENT : listener;

    Path project = source.projectDirectory().toAbsolutePath().normalize();
    checkProject(project, source.entryPoint());
    NodeToolchain toolchain = NodeToolchain.locate(environment, source, project, log);
    NpmInstall.ensureInstalled(source, project, toolchain, installTimeout, log);
    Esbuild esbuild = Esbuild.installedIn(project, toolchain.node());

    Path outDir = source.outputDirectory().toAbsolutePath().normalize();
    Path outFile = outDir.resolve(WorkerBundle.MAIN_MODULE);
    Path mapFile = outDir.resolve(WorkerBundle.SOURCE_MAP);
    Path metaFile = outDir.resolve(WorkerBundle.METAFILE);
    try {
      Files.createDirectories(outDir);
      Files.deleteIfExists(outFile);
      Files.deleteIfExists(mapFile);
      Files.deleteIfExists(metaFile);
    } catch (IOException e) {
      throw new WorkerBundleException(
          "Cannot prepare the Worker output directory " + outDir + ": " + e,
          "make sure the directory is writable.",
          null,
          e);
    }

    esbuild.bundle(source.entryPoint(), outFile, metaFile, toolchain, bundleTimeout, log);

    if (!Files.isRegularFile(outFile)) {
      throw new WorkerBundleException(
          "esbuild reported success but wrote no " + outFile,
          "check that the project's esbuild works: run `npx esbuild --version` in "
              + project
              + ".");
    }
    Set<String> exports = Metafile.exports(metaFile, project, outFile);
    WorkerBundle bundle = read(outFile, mapFile, exports);
    log.info(
        "Bundled "
            + source.entryPoint()
            + " into "
            + outFile
            + " ("
            + bundle.main().size()
            + " bytes, exports "
            + bundle.exports()
            + ", sha256 "
            + bundle.sha256()
            + ")");
    return bundle;
  }

  private static WorkerBundle read(Path outFile, Path mapFile, Set<String> exports)
      throws WorkerBundleException {
    try {
      BundleFile main =
          new BundleFile(
              WorkerBundle.MAIN_MODULE, BundleFile.ES_MODULE, Files.readAllBytes(outFile), outFile);
      Optional<BundleFile> map =
          Files.isRegularFile(mapFile)
              ? Optional.of(
                  new BundleFile(
                      WorkerBundle.SOURCE_MAP,
                      BundleFile.SOURCE_MAP,
                      Files.readAllBytes(mapFile),
                      mapFile))
              : Optional.empty();
      List<BundleFile> modules = List.of(main);
      return new WorkerBundle(
          WorkerBundle.MAIN_MODULE, modules, map, BundleHash.of(modules, map), exports);
    } catch (IOException e) {
      throw new WorkerBundleException(
          "Cannot read the bundled Worker in " + outFile.getParent() + ": " + e,
          "make sure the output directory is readable and not changed while bundling.",
          null,
          e);
    }
  }

  private static void checkProject(Path project, Path entryPoint) throws WorkerBundleException {
    if (!Files.isDirectory(project)) {
      throw new WorkerBundleException(
          "The Worker project directory " + project + " does not exist.",
          "create the Worker's npm project there (package.json and the entry module), "
              + "or point the plugin at the directory that holds it.");
    }
    if (!Files.isRegularFile(project.resolve("package.json"))) {
      throw new WorkerBundleException(
          "The Worker project directory " + project + " has no package.json.",
          "make it an npm project: add a package.json with esbuild as a devDependency and "
              + "@cloudflare/containers as a dependency (e.g. run `npm init -y` then "
              + "`npm install --save-exact @cloudflare/containers` and "
              + "`npm install --save-dev --save-exact esbuild`).");
    }
    Path entry = project.resolve(entryPoint);
    if (!Files.isRegularFile(entry)) {
      throw new WorkerBundleException(
          "The Worker entry point "
              + entryPoint
              + " does not exist in "
              + project
              + " (looked for "
              + entry
              + ").",
          "create it, or set the entry point to the module that exports the default fetch handler "
              + "and the container classes (a .ts, .js, .mts or .mjs file relative to the project).");
    }
  }
}
