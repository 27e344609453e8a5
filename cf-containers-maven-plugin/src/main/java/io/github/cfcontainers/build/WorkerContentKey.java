package io.github.cfcontainers.build;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the Worker bundle is made of and what it is: every file of the Worker project outside {@code
 * node_modules}, every other file the last esbuild run read (its metafile's inputs: the bundled
 * dependencies, sources outside the project), the installed dependency tree and esbuild version,
 * the entry point and flags, and the bundle's own files. A matching key means esbuild would read
 * the same bytes and its output is still in place.
 */
final class WorkerContentKey {

  private WorkerContentKey() {}

  /** The key, or empty when there is no previous bundle to describe (or it cannot be read). */
  static Optional<String> of(WorkerSource source) {
    Path project = source.projectDirectory().toAbsolutePath().normalize();
    Path out = source.outputDirectory().toAbsolutePath().normalize();
    Path metafile = out.resolve(WorkerBundle.METAFILE);
    if (!Files.isRegularFile(metafile)
        || !Files.isRegularFile(out.resolve(WorkerBundle.MAIN_MODULE))) {
      return Optional.empty();
    }
    try {
      var hash =
          new ContentHash("worker-v1")
              .field("project", project)
              .field("entryPoint", source.entryPoint())
              .field("flags", Esbuild.FLAGS)
              .field("output", out);
      for (Path file : projectFiles(project, out)) {
        hash.field("source", project.relativize(file)).file(file);
      }
      for (String input : inputsOutside(project, metafile)) {
        hash.field("input", input).file(project.resolve(input));
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
}
