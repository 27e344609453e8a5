package io.github.cfcontainers.build;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.github.cfcontainers.common.StreamingJson;
import io.github.cfcontainers.worker.Esbuild;
import io.github.cfcontainers.worker.WorkerBundle;
import io.github.cfcontainers.worker.WorkerSource;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the Worker bundle is made of and what it is: every file of the Worker project outside {@code
 * node_modules}; the {@code package.json}, {@code tsconfig.json} and {@code jsconfig.json} esbuild
 * may read above the project and above each input outside it, and every config a tsconfig {@code
 * extends}; every other file the last esbuild run read (its metafile's inputs: the bundled
 * dependencies, sources outside the project); the installed dependency tree, esbuild version and
 * {@code NODE_PATH}; the entry point and flags; and the bundle's own files. A matching key means
 * esbuild would read the same bytes and its output is still in place.
 */
final class WorkerContentKey {

  /** The files esbuild looks for in a source's directory and each one above it. */
  private static final List<String> CONFIG_NAMES =
      List.of("package.json", "tsconfig.json", "jsconfig.json");

  /** tsconfig files are JSON with comments and trailing commas. */
  private static final JsonFactory LENIENT =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build();

  private WorkerContentKey() {}

  /**
   * The digest of what a user edits (the project's files, the configs above it and those its
   * tsconfigs extend), or empty when it cannot be read: taken before and after bundling, a
   * difference means a file was saved while esbuild ran and the bundle may not hold it.
   */
  static Optional<String> sources(WorkerSource source) {
    Path project = project(source);
    Path out = source.outputDirectory().toAbsolutePath().normalize();
    try {
      var hash = new ContentHash("worker-sources-v1");
      var files = projectFiles(project, out);
      for (Path file : files) {
        hash.field("source", project.relativize(file)).file(file);
      }
      Path parent = project.getParent();
      var above = parent == null ? List.<Path>of() : configsFrom(parent, new HashSet<>());
      for (Path config : withExtended(above, files)) {
        hash.field("config", config).file(config);
      }
      return Optional.of(hash.hex());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The whole key over {@link #sources}, the last bundle's other inputs and the bundle itself;
   * empty when there is no bundle to describe or it cannot be read.
   */
  static Optional<String> of(WorkerSource source, String sources) {
    Path project = project(source);
    Path out = source.outputDirectory().toAbsolutePath().normalize();
    Path metafile = out.resolve(WorkerBundle.METAFILE);
    if (!Files.isRegularFile(metafile)
        || !Files.isRegularFile(out.resolve(WorkerBundle.MAIN_MODULE))) {
      return Optional.empty();
    }
    try {
      var hash =
          new ContentHash("worker-v2")
              .field("project", project)
              .field("entryPoint", source.entryPoint())
              .field("flags", Esbuild.FLAGS)
              .field("output", out)
              .field("sources", sources)
              .field("nodePath", System.getenv("NODE_PATH"));
      var outside = inputsOutside(project, metafile);
      var configs = new TreeSet<Path>();
      var scanned = new HashSet<Path>();
      for (String input : outside) {
        Path file = project.resolve(input).normalize();
        hash.field("input", input).file(file);
        if (file.getParent() != null) {
          configs.addAll(configsFrom(file.getParent(), scanned));
        }
      }
      for (Path config : withExtended(configs, List.of())) {
        hash.field("config", config).file(config);
      }
      Path modules = project.resolve("node_modules");
      hash.field("installed", "").file(modules.resolve(".package-lock.json"));
      hash.field("esbuild", "").file(modules.resolve("esbuild").resolve("package.json"));
      for (String name :
          List.of(WorkerBundle.MAIN_MODULE, WorkerBundle.SOURCE_MAP, WorkerBundle.METAFILE)) {
        hash.field("bundle", name).file(out.resolve(name));
      }
      return Optional.of(hash.hex());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Path project(WorkerSource source) {
    return source.projectDirectory().toAbsolutePath().normalize();
  }

  /**
   * The project's own files, sorted; dependencies and the plugin's output directory (the bundle's
   * parent, with build.json and the logs that every run rewrites) are not sources.
   */
  private static List<Path> projectFiles(Path project, Path out) throws IOException {
    Path pluginOutput = out.getParent() == null ? out : out.getParent();
    Set<Path> skipped =
        Set.of(pluginOutput, project.resolve("node_modules"), project.resolve(".git"));
    var files = new ArrayList<Path>();
    // not entered at all: node_modules may hold tens of thousands of files
    Files.walkFileTree(
        project,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            return skipped.contains(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (Files.isRegularFile(file)) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    Collections.sort(files);
    return files;
  }

  /** The metafile's inputs (relative to the project, where esbuild runs) not walked above. */
  private static List<String> inputsOutside(Path project, Path metafile) throws IOException {
    var inputs = new TreeSet<String>(StreamingJson.memberNames(metafile, "inputs"));
    var outside = new ArrayList<String>();
    for (String input : inputs) {
      Path file = project.resolve(input).normalize();
      if (!file.startsWith(project) || file.startsWith(project.resolve("node_modules"))) {
        outside.add(input);
      }
    }
    return outside;
  }

  /**
   * The config files in {@code directory} and every directory above it, stopping at a directory
   * already {@code scanned} (and so all above it).
   */
  private static List<Path> configsFrom(Path directory, Set<Path> scanned) {
    var found = new ArrayList<Path>();
    for (Path dir = directory; dir != null && scanned.add(dir); dir = dir.getParent()) {
      for (String name : CONFIG_NAMES) {
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
          found.add(file);
        }
      }
    }
    return found;
  }

  /**
   * {@code configs} and every file the tsconfigs among them and among {@code roots} extend,
   * transitively (each chain followed once).
   */
  private static Set<Path> withExtended(Collection<Path> configs, Collection<Path> roots)
      throws IOException {
    var all = new TreeSet<Path>(configs);
    for (Collection<Path> group : List.of(configs, roots)) {
      for (Path root : group) {
        if (isTsconfig(root)) {
          all.addAll(extendedConfigs(root));
        }
      }
    }
    return all;
  }

  /**
   * A tsconfig.json or jsconfig.json esbuild reads: not one inside node_modules, which esbuild
   * ignores, nor a variant such as tsconfig.eslint.json that only other tools read.
   */
  private static boolean isTsconfig(Path file) {
    String name = file.getFileName().toString();
    if (!name.equals("tsconfig.json") && !name.equals("jsconfig.json")) {
      return false;
    }
    for (Path part : file) {
      if (part.toString().equals("node_modules")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The files a tsconfig extends, followed through their own {@code extends}; an {@code extends}
   * that names no file found here (so its bytes cannot be in the key) is an IOException: no key.
   */
  private static List<Path> extendedConfigs(Path tsconfig) throws IOException {
    var found = new ArrayList<Path>();
    var seen = new TreeSet<Path>();
    var pending = new ArrayDeque<Path>(List.of(tsconfig));
    while (!pending.isEmpty()) {
      Path config = pending.pop();
      if (!seen.add(config)) {
        continue;
      }
      for (String spec : extendsOf(config)) {
        Path base = resolveExtends(config, spec, found);
        found.add(base);
        pending.push(base);
      }
    }
    return found;
  }

  /** The top-level {@code extends}: a string or (TypeScript 5) an array of strings. */
  private static List<String> extendsOf(Path config) throws IOException {
    try (JsonParser parser = LENIENT.createParser(Files.newInputStream(config))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(config + " is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!name.equals("extends")) {
          parser.skipChildren();
        } else if (value == JsonToken.VALUE_STRING) {
          return List.of(parser.getText());
        } else if (value == JsonToken.START_ARRAY) {
          var specs = new ArrayList<String>();
          while (parser.nextToken() == JsonToken.VALUE_STRING) {
            specs.add(parser.getText());
          }
          return specs;
        } else {
          throw new IOException(config + ": extends is neither a string nor an array");
        }
      }
      return List.of();
    }
  }

  /**
   * A relative or absolute path from the config's directory (".json" optional), or a package path
   * looked up in node_modules from there upwards, as TypeScript resolves it. For a package, its
   * package.json joins {@code found}; one with "exports" or "tsconfig", which esbuild follows and
   * this lookup does not, is an IOException: no key.
   */
  private static Path resolveExtends(Path config, String spec, List<Path> found)
      throws IOException {
    Path dir = config.getParent();
    if (spec.startsWith(".") || spec.startsWith("/")) {
      Optional<Path> file = asConfigFile(dir.resolve(spec).normalize());
      if (file.isPresent()) {
        return file.get();
      }
    } else {
      String[] parts = spec.split("/");
      int nameParts = spec.startsWith("@") ? 2 : 1;
      if (parts.length < nameParts) {
        throw new IOException(config + " extends " + spec + ", not a package path");
      }
      String packageName = String.join("/", Arrays.copyOf(parts, nameParts));
      for (Path at = dir; at != null; at = at.getParent()) {
        Path packageDir = at.resolve("node_modules").resolve(packageName).normalize();
        if (!Files.isDirectory(packageDir)) {
          continue;
        }
        Path manifest = packageDir.resolve("package.json");
        if (Files.isRegularFile(manifest)) {
          var members = StreamingJson.topLevelNames(manifest);
          if (members.contains("exports") || members.contains("tsconfig")) {
            throw new IOException(
                manifest + " maps its files (exports or tsconfig), which is not followed here");
          }
          found.add(manifest);
        }
        Optional<Path> file = asConfigFile(at.resolve("node_modules").resolve(spec).normalize());
        if (file.isPresent()) {
          return file.get();
        }
        break; // the nearest node_modules with the package is the one TypeScript uses
      }
    }
    throw new IOException(config + " extends " + spec + ", which is not found");
  }

  private static Optional<Path> asConfigFile(Path path) {
    for (Path candidate :
        List.of(
            path,
            path.resolveSibling(path.getFileName() + ".json"),
            path.resolve("tsconfig.json"))) {
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
