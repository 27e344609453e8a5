package io.github.cfcontainers.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cfcontainers.common.Reporter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bundles a Worker's npm project into the single ES module the Workers upload takes, with the
 * project's own esbuild:
 *
 * <ol>
 *   <li>checks the project ({@code package.json}, the entry point) and the tools ({@code node} 18+,
 *       {@code npm});
 *   <li>runs {@code npm ci} (with a {@code package-lock.json}) or {@code npm install} when {@code
 *       node_modules} is missing - never in offline mode;
 *   <li>runs {@code node_modules/esbuild} with the Workers flags, writing {@code worker.js}, {@code
 *       worker.js.map} and a metafile to the output directory;
 *   <li>reads the metafile for the main module's exported names and returns the {@link
 *       WorkerBundle}.
 * </ol>
 *
 * esbuild is deterministic: the same sources, esbuild version and project-to-output layout give the
 * same bytes and so the same {@link WorkerBundle#sha256()}. Instances are stateless and
 * thread-safe.
 */
public final class WorkerBundler {

  /** Lowest Node.js major version accepted. */
  public static final int MIN_NODE_MAJOR = 18;

  /** Name of the main module in the bundle and in the output directory. */
  public static final String MAIN_MODULE = "worker.js";

  /** Name of the source map next to it. */
  public static final String SOURCE_MAP = MAIN_MODULE + ".map";

  /** Name of esbuild's metafile in the output directory (not part of the bundle). */
  public static final String METAFILE = "worker.meta.json";

  /** The esbuild flags, apart from the entry point, metafile and outfile. */
  public static final List<String> ESBUILD_FLAGS =
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

  public static final Duration DEFAULT_INSTALL_TIMEOUT = Duration.ofMinutes(10);
  public static final Duration DEFAULT_BUNDLE_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  private static final Pattern NODE_VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+).*");
  private static final String INSTALL_NODE =
      "install Node.js " + MIN_NODE_MAJOR + " or newer (https://nodejs.org)";

  private final Map<String, String> environment;
  private final Duration installTimeout;
  private final Duration bundleTimeout;
  private final ProcessRunner runner = new ProcessRunner();
  private final ObjectMapper json = new ObjectMapper();

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

    Path node = resolveNode(source);
    Map<String, String> env = childEnvironment(source);
    checkNodeVersion(node, project, env, log);
    Optional<Path> explicitNpm = source.npm();
    if (explicitNpm.isPresent()) {
      checkExecutable(explicitNpm.get(), "npm");
    }

    Path nodeModules = project.resolve("node_modules");
    if (!Files.isDirectory(nodeModules)) {
      installDependencies(source, project, env, log);
    } else {
      log.debug("node_modules present in " + project + ": not running npm");
      warnIfStale(project, log);
    }

    List<String> esbuild = esbuildLauncher(project, node);
    Path outDir = source.outputDirectory().toAbsolutePath().normalize();
    Path outFile = outDir.resolve(MAIN_MODULE);
    Path mapFile = outDir.resolve(SOURCE_MAP);
    Path metaFile = outDir.resolve(METAFILE);
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

    runEsbuild(esbuild, source.entryPoint(), project, outFile, metaFile, env, log);

    if (!Files.isRegularFile(outFile)) {
      throw new WorkerBundleException(
          "esbuild reported success but wrote no " + outFile,
          "check that the project's esbuild works: run `npx esbuild --version` in "
              + project
              + ".");
    }
    Set<String> exports = readExports(metaFile, project, outFile);
    try {
      WorkerModule main =
          new WorkerModule(
              MAIN_MODULE, WorkerModule.ES_MODULE, Files.readAllBytes(outFile), outFile);
      Optional<WorkerModule> map =
          Files.isRegularFile(mapFile)
              ? Optional.of(
                  new WorkerModule(
                      SOURCE_MAP, WorkerModule.SOURCE_MAP, Files.readAllBytes(mapFile), mapFile))
              : Optional.empty();
      List<WorkerModule> modules = List.of(main);
      String hash = hash(modules, map);
      WorkerBundle bundle = new WorkerBundle(MAIN_MODULE, modules, map, hash, exports);
      log.info(
          "Bundled "
              + source.entryPoint()
              + " into "
              + outFile
              + " ("
              + main.size()
              + " bytes, exports "
              + bundle.exports()
              + ", sha256 "
              + hash
              + ")");
      return bundle;
    } catch (IOException e) {
      throw new WorkerBundleException(
          "Cannot read the bundled Worker in " + outDir + ": " + e,
          "make sure the output directory is readable and not changed while bundling.",
          null,
          e);
    }
  }

  // ---------------------------------------------------------------- checks

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

  private Path resolveNode(WorkerSource source) throws WorkerBundleException {
    if (source.node().isPresent()) {
      return checkExecutable(source.node().get(), "node");
    }
    return findOnPath("node")
        .orElseThrow(
            () ->
                new WorkerBundleException(
                    "Node.js was not found: no `node` executable on the PATH ("
                        + pathValue()
                        + ").",
                    INSTALL_NODE
                        + " and put `node` on the PATH, or set the path to the node executable explicitly."));
  }

  private Path resolveNpm(WorkerSource source) throws WorkerBundleException {
    if (source.npm().isPresent()) {
      return checkExecutable(source.npm().get(), "npm");
    }
    return findOnPath("npm")
        .orElseThrow(
            () ->
                new WorkerBundleException(
                    "npm was not found: no `npm` executable on the PATH ("
                        + pathValue()
                        + "); it is needed to "
                        + "install the Worker's dependencies.",
                    INSTALL_NODE
                        + " (it ships npm) and put `npm` on the PATH, or set the path to the npm "
                        + "executable explicitly, or run `npm ci` in the Worker project yourself."));
  }

  private static Path checkExecutable(Path path, String tool) throws WorkerBundleException {
    Path p = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(p)) {
      throw new WorkerBundleException(
          "The configured " + tool + " executable " + p + " does not exist.",
          "set the path to an existing "
              + tool
              + " executable, or unset it to use `"
              + tool
              + "` from the PATH ("
              + INSTALL_NODE
              + " if it is not installed).");
    }
    if (!WINDOWS && !Files.isExecutable(p)) {
      throw new WorkerBundleException(
          "The configured " + tool + " executable " + p + " is not executable.",
          "make it executable (chmod +x) or set the path to the right " + tool + " executable.");
    }
    return p;
  }

  private void checkNodeVersion(Path node, Path project, Map<String, String> env, Reporter log)
      throws WorkerBundleException {
    List<String> out = new ArrayList<>();
    ProcessRunner.Result result =
        run(
            List.of(node.toString(), "--version"),
            project,
            env,
            PROBE_TIMEOUT,
            (s, line) -> out.add(line),
            "node");
    String version =
        out.stream().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
    Matcher m = NODE_VERSION.matcher(version);
    if (!result.succeeded() || !m.matches()) {
      throw new WorkerBundleException(
          "Cannot tell the version of Node.js at "
              + node
              + " (`node --version` "
              + (result.timedOut() ? "timed out" : "exited with " + result.exitCode())
              + ", printed '"
              + version
              + "').",
          INSTALL_NODE + ", or set the path to a working node executable.",
          result.tailText());
    }
    int major = Integer.parseInt(m.group(1));
    if (major < MIN_NODE_MAJOR) {
      throw new WorkerBundleException(
          "Node.js "
              + version
              + " at "
              + node
              + " is too old: the Worker build needs "
              + MIN_NODE_MAJOR
              + " or newer.",
          INSTALL_NODE + ", or set the path to a newer node executable.");
    }
    log.debug("Using Node.js " + version + " at " + node);
  }

  // ---------------------------------------------------------------- npm

  private void installDependencies(
      WorkerSource source, Path project, Map<String, String> env, Reporter log)
      throws WorkerBundleException {
    boolean lock = Files.isRegularFile(project.resolve("package-lock.json"));
    String verb = lock ? "ci" : "install";
    if (source.offline()) {
      throw new WorkerBundleException(
          "The Worker's dependencies are not installed (no node_modules in "
              + project
              + ") and offline mode forbids running `npm "
              + verb
              + "`.",
          "run `npm "
              + verb
              + "` in "
              + project
              + " yourself, or build without offline mode (-o).");
    }
    Path npm = resolveNpm(source);
    List<String> cmd = List.of(npm.toString(), verb, "--no-audit", "--no-fund");
    log.info("Installing the Worker's dependencies: npm " + verb + " in " + project);
    List<String> npmErrors = new ArrayList<>();
    ProcessRunner.Result result =
        run(
            cmd,
            project,
            env,
            installTimeout,
            (stream, line) -> {
              if (isNpmError(line) && !line.strip().equalsIgnoreCase("npm error")) {
                synchronized (npmErrors) {
                  npmErrors.add(line);
                }
              }
              if (stream == ProcessRunner.Stream.STDERR && isNpmProblem(line)) {
                log.warn("[npm] " + line);
              } else {
                log.info("[npm] " + line);
              }
            },
            "npm");
    if (!result.succeeded()) {
      String what =
          result.timedOut()
              ? "timed out after " + installTimeout.toSeconds() + " s"
              : "failed with exit code " + result.exitCode();
      String fix =
          lock
              ? "read npm's output above; if package-lock.json is out of date, run `npm install` in "
                  + project
                  + " and commit the updated lockfile."
              : "read npm's output above and fix package.json, then retry (or run `npm install` in "
                  + project
                  + " yourself).";
      String details;
      synchronized (npmErrors) {
        details = npmErrors.isEmpty() ? result.tailText() : npmErrorSummary(npmErrors);
      }
      throw new WorkerBundleException(
          "`npm " + verb + "` " + what + " in " + project + ".", fix, details);
    }
  }

  /**
   * npm records what it installed in node_modules/.package-lock.json; a package-lock.json changed
   * since (a pull, a dependency bump) means node_modules may not match it. Only a warning: an
   * install runs only when node_modules is missing.
   */
  private static void warnIfStale(Path project, Reporter log) {
    Path lock = project.resolve("package-lock.json");
    Path installed = project.resolve("node_modules").resolve(".package-lock.json");
    try {
      if (Files.isRegularFile(lock)
          && Files.isRegularFile(installed)
          && Files.getLastModifiedTime(lock).compareTo(Files.getLastModifiedTime(installed)) > 0) {
        log.warn(
            "package-lock.json in "
                + project
                + " is newer than node_modules: if the Worker's "
                + "dependencies changed, run `npm ci` there (or delete node_modules to have the build do it).");
      }
    } catch (IOException e) {
      // only a hint
    }
  }

  /**
   * npm's error lines without the usage text it appends to usage errors; the debug log's path kept.
   */
  static String npmErrorSummary(List<String> errors) {
    List<String> summary = new ArrayList<>();
    String logLine = null;
    boolean usage = false;
    for (String line : errors) {
      String body = line.replaceFirst("(?i)^npm (error|err!)\\s*", "");
      if (body.startsWith("A complete log of this run")) {
        logLine = line;
      } else if (body.equals("Usage:")) {
        usage = true;
      } else if (!usage && summary.size() < 20) {
        summary.add(line);
      }
    }
    if (usage && !summary.isEmpty()) {
      summary.remove(
          summary.size() - 1); // the command's one-line description that precedes "Usage:"
    }
    if (logLine != null) {
      summary.add(logLine);
    }
    return String.join(System.lineSeparator(), summary);
  }

  private static boolean isNpmError(String line) {
    String l = line.toLowerCase(Locale.ROOT);
    return l.startsWith("npm error") || l.startsWith("npm err!");
  }

  private static boolean isNpmProblem(String line) {
    String l = line.toLowerCase(Locale.ROOT);
    return l.startsWith("npm error") || l.startsWith("npm err") || l.startsWith("npm warn");
  }

  // ---------------------------------------------------------------- esbuild

  private List<String> esbuildLauncher(Path project, Path node) throws WorkerBundleException {
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
      return isNativeExecutable(bin)
          ? List.of(bin.toString())
          : List.of(node.toString(), bin.toString());
    }
    Path exe = pkg.resolve("esbuild.exe");
    if (Files.isRegularFile(exe)) {
      return List.of(exe.toString());
    }
    Path dotBin = project.resolve("node_modules").resolve(".bin");
    for (String name : WINDOWS ? List.of("esbuild.cmd", "esbuild.exe") : List.of("esbuild")) {
      if (Files.isRegularFile(dotBin.resolve(name))) {
        return List.of(dotBin.resolve(name).toString());
      }
    }
    throw new WorkerBundleException(
        "esbuild in " + pkg + " has no launcher (no bin/esbuild).",
        "reinstall it: delete node_modules in "
            + project
            + " and run `npm ci` (or `npm install`).");
  }

  private static boolean isNativeExecutable(Path file) {
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

  private void runEsbuild(
      List<String> launcher,
      Path entryPoint,
      Path project,
      Path outFile,
      Path metaFile,
      Map<String, String> env,
      Reporter log)
      throws WorkerBundleException {
    List<String> cmd = new ArrayList<>(launcher);
    cmd.add(entryPoint.toString().replace(File.separatorChar, '/'));
    cmd.addAll(ESBUILD_FLAGS);
    cmd.add("--metafile=" + metaFile);
    cmd.add("--outfile=" + outFile);
    log.info("Bundling the Worker " + entryPoint + " with esbuild " + esbuildVersion(project));
    log.debug("Running " + String.join(" ", cmd) + " in " + project);
    List<String> errors = new ArrayList<>();
    ProcessRunner.Result result =
        run(
            cmd,
            project,
            env,
            bundleTimeout,
            (stream, line) -> {
              synchronized (errors) {
                errors.add(line);
              }
              if (stream == ProcessRunner.Stream.STDERR) {
                log.warn("[esbuild] " + line);
              } else {
                log.info("[esbuild] " + line);
              }
            },
            "esbuild");
    if (!result.succeeded()) {
      String text;
      synchronized (errors) {
        text = String.join(System.lineSeparator(), errors).strip();
      }
      if (result.timedOut()) {
        throw new WorkerBundleException(
            "esbuild timed out after "
                + bundleTimeout.toSeconds()
                + " s bundling "
                + entryPoint
                + ".",
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
  }

  private String esbuildVersion(Path project) {
    try {
      JsonNode pkg = json.readTree(project.resolve("node_modules/esbuild/package.json").toFile());
      return pkg.path("version").asText("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private Set<String> readExports(Path metaFile, Path project, Path outFile)
      throws WorkerBundleException {
    JsonNode meta;
    try {
      meta = json.readTree(metaFile.toFile());
    } catch (IOException e) {
      throw new WorkerBundleException(
          "Cannot read esbuild's metafile " + metaFile + ": " + e,
          "check that the project's esbuild is 0.28 or a version that supports --metafile.",
          null,
          e);
    }
    JsonNode outputs = meta.path("outputs");
    JsonNode match = null;
    JsonNode fallback = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = outputs.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (project.resolve(e.getKey()).normalize().equals(outFile)) {
        match = e.getValue();
        break;
      }
      if (e.getKey().endsWith("/" + MAIN_MODULE) || e.getKey().equals(MAIN_MODULE)) {
        fallback = e.getValue();
      }
    }
    JsonNode output = match != null ? match : fallback;
    if (output == null || !output.path("exports").isArray()) {
      throw new WorkerBundleException(
          "esbuild's metafile "
              + metaFile
              + " does not describe the output "
              + outFile
              + " and its exports.",
          "use esbuild 0.28.x in the Worker project (`npm install --save-dev --save-exact esbuild@0.28`).");
    }
    Set<String> exports = new LinkedHashSet<>();
    output.path("exports").forEach(n -> exports.add(n.asText()));
    return exports;
  }

  // ---------------------------------------------------------------- helpers

  static String hash(List<WorkerModule> modules, Optional<WorkerModule> sourceMap) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<WorkerModule> parts = new ArrayList<>(modules);
    sourceMap.ifPresent(parts::add);
    for (WorkerModule part : parts) {
      byte[] name = part.name().getBytes(StandardCharsets.UTF_8);
      byte[] bytes = part.bytes();
      sha.update(longBytes(name.length));
      sha.update(name);
      sha.update(longBytes(bytes.length));
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return b;
  }

  private ProcessRunner.Result run(
      List<String> cmd,
      Path dir,
      Map<String, String> env,
      Duration timeout,
      ProcessRunner.LineSink sink,
      String tool)
      throws WorkerBundleException {
    try {
      return runner.run(cmd, dir, env, timeout, sink);
    } catch (IOException e) {
      throw new WorkerBundleException(
          "Cannot run " + tool + " (" + cmd.get(0) + "): " + e.getMessage(),
          INSTALL_NODE + ", or set the path to a working " + tool + " executable.",
          null,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkerBundleException(
          "Interrupted while running " + tool + ".", "retry the build.", null, e);
    }
  }

  /**
   * The child environment: ours, with an explicit node's directory first on the PATH (npm's shebang
   * needs it).
   */
  private Map<String, String> childEnvironment(WorkerSource source) {
    Map<String, String> env = new HashMap<>(environment);
    source
        .node()
        .ifPresent(
            node -> {
              Path dir = node.toAbsolutePath().normalize().getParent();
              if (dir != null) {
                String key = pathKey();
                String path = env.get(key);
                env.put(
                    key,
                    path == null || path.isEmpty()
                        ? dir.toString()
                        : dir + File.pathSeparator + path);
              }
            });
    return env;
  }

  private String pathKey() {
    for (String key : environment.keySet()) {
      if (key.equalsIgnoreCase("PATH")) {
        return key;
      }
    }
    return "PATH";
  }

  private String pathValue() {
    String path = environment.get(pathKey());
    return path == null ? "PATH is not set" : "PATH=" + path;
  }

  private Optional<Path> findOnPath(String tool) {
    String path = environment.get(pathKey());
    if (path == null || path.isEmpty()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    if (WINDOWS) {
      String pathext =
          environment.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase("PATHEXT"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(".COM;.EXE;.BAT;.CMD");
      for (String ext : pathext.split(";")) {
        if (!ext.isBlank()) {
          names.add(tool + ext.toLowerCase(Locale.ROOT));
        }
      }
    }
    names.add(tool);
    for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
      if (dir.isBlank()) {
        continue;
      }
      for (String name : names) {
        Path candidate;
        try {
          candidate = Path.of(dir.strip()).resolve(name);
        } catch (RuntimeException e) {
          continue; // malformed PATH entry
        }
        if (Files.isRegularFile(candidate) && (WINDOWS || Files.isExecutable(candidate))) {
          return Optional.of(candidate.toAbsolutePath());
        }
      }
    }
    return Optional.empty();
  }
}
