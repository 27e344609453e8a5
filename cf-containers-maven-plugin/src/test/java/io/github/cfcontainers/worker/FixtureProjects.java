package io.github.cfcontainers.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/** Copies of the fixture npm project in test resources ({@code worker/fixture}). */
final class FixtureProjects {

  private FixtureProjects() {}

  /** The fixture as copied to target/test-classes (no node_modules). */
  static Path fixture() {
    try {
      return Path.of(FixtureProjects.class.getResource("/worker/fixture/package.json").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The module's target directory (fixture is target/test-classes/worker/fixture). */
  static Path targetDirectory() {
    return fixture().getParent().getParent().getParent();
  }

  /**
   * Copies the fixture's sources: without node_modules or target, should a developer have installed
   * there.
   */
  static void copySources(Path to) {
    copyTree(fixture(), to, Set.of("node_modules", "target"));
  }

  /** Copies a tree, keeping symlinks as symlinks (node_modules/.bin) and file attributes. */
  static void copyTree(Path from, Path to) {
    copyTree(from, to, Set.of());
  }

  static void copyTree(Path from, Path to, Set<String> excludedTopLevel) {
    try {
      Files.walkFileTree(
          from,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              Path rel = from.relativize(dir);
              if (rel.getNameCount() == 1 && excludedTopLevel.contains(rel.toString())) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              Files.createDirectories(to.resolve(from.relativize(dir).toString()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Path target = to.resolve(from.relativize(file).toString());
              if (Files.isSymbolicLink(file)) {
                Files.createSymbolicLink(target, Files.readSymbolicLink(file));
              } else {
                Files.copy(
                    file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
