package io.github.cfcontainers.worker;

import io.github.cfcontainers.common.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The node and npm a build uses: found (explicit or on the PATH), version-checked and run. */
final class NodeToolchain {

  /** Lowest Node.js major version accepted. */
  static final int MIN_NODE_MAJOR = 18;

  static final String INSTALL_NODE =
      "install Node.js " + MIN_NODE_MAJOR + " or newer (https://nodejs.org)";

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern NODE_VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+).*");

  private final SearchPath searchPath;
  private final Map<String, String> childEnvironment;
  private final Path node;
  private final Optional<Path> explicitNpm;
  private final ProcessRunner runner = new ProcessRunner();

  private NodeToolchain(
      SearchPath searchPath,
      Map<String, String> childEnvironment,
      Path node,
      Optional<Path> explicitNpm) {
    this.searchPath = searchPath;
    this.childEnvironment = Map.copyOf(childEnvironment);
    this.node = node;
    this.explicitNpm = explicitNpm;
  }

  /**
   * Finds node, checks its version (run in {@code project}) and checks an explicit npm; npm on the
   * PATH is looked up only when needed ({@link #npm()}).
   */
  static NodeToolchain locate(
      Map<String, String> environment, WorkerSource source, Path project, Reporter log)
      throws WorkerBundleException {
    SearchPath searchPath = new SearchPath(environment);
    Path node;
    if (source.node().isPresent()) {
      node = checkExecutable(source.node().get(), "node");
    } else {
      node =
          searchPath
              .find("node")
              .orElseThrow(
                  () ->
                      new WorkerBundleException(
                          "Node.js was not found: no `node` executable on the PATH ("
                              + searchPath.describe()
                              + ").",
                          INSTALL_NODE
                              + " and put `node` on the PATH, or set the path to the node executable explicitly."));
    }
    // An explicit node's directory goes first on the children's PATH: npm's shebang needs it.
    Path explicitDir =
        source.node().map(n -> n.toAbsolutePath().normalize().getParent()).orElse(null);
    Map<String, String> env = explicitDir == null ? environment : searchPath.withFirst(explicitDir);
    NodeToolchain toolchain = new NodeToolchain(searchPath, env, node, source.npm());
    toolchain.checkNodeVersion(project, log);
    if (source.npm().isPresent()) {
      checkExecutable(source.npm().get(), "npm");
    }
    return toolchain;
  }

  Path node() {
    return node;
  }

  /** The explicit npm, else npm on the PATH. */
  Path npm() throws WorkerBundleException {
    if (explicitNpm.isPresent()) {
      return checkExecutable(explicitNpm.get(), "npm");
    }
    return searchPath
        .find("npm")
        .orElseThrow(
            () ->
                new WorkerBundleException(
                    "npm was not found: no `npm` executable on the PATH ("
                        + searchPath.describe()
                        + "); it is needed to "
                        + "install the Worker's dependencies.",
                    INSTALL_NODE
                        + " (it ships npm) and put `npm` on the PATH, or set the path to the npm "
                        + "executable explicitly, or run `npm ci` in the Worker project yourself."));
  }

  /** Runs a tool of this toolchain in {@code dir}; failing to start it is a bundle failure. */
  ProcessRunner.Result run(
      List<String> cmd, Path dir, Duration timeout, ProcessRunner.LineSink sink, String tool)
      throws WorkerBundleException {
    try {
      return runner.run(cmd, dir, childEnvironment, timeout, sink);
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
    if (!SearchPath.WINDOWS && !Files.isExecutable(p)) {
      throw new WorkerBundleException(
          "The configured " + tool + " executable " + p + " is not executable.",
          "make it executable (chmod +x) or set the path to the right " + tool + " executable.");
    }
    return p;
  }

  private void checkNodeVersion(Path project, Reporter log) throws WorkerBundleException {
    List<String> out = new ArrayList<>();
    ProcessRunner.Result result =
        run(
            List.of(node.toString(), "--version"),
            project,
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
}
