package io.github.cfcontainers.types;

import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.Reporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the Worker's {@code Env} declaration next to its entry module (cf:types). */
public final class TypesService {

  private final Reporter reporter;

  public TypesService(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Writes {@code declaration} to {@code file} unless it already holds exactly that text (an
   * unchanged file keeps its time stamp, so watchers and bundler caches see nothing new).
   *
   * @return true when the file was written
   */
  public boolean write(Path file, EnvDeclaration declaration) {
    String text = declaration.render();
    try {
      if (Files.isRegularFile(file)
          && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
        reporter.info("Worker types up to date: " + file);
        return false;
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      reporter.info(
          "Wrote the Worker's Env types: "
              + file
              + " ("
              + declaration.namespaces().size()
              + " container binding(s), "
              + declaration.vars().size()
              + " variable(s))");
      warnIfShadowed(file);
      return true;
    } catch (IOException e) {
      throw new CfException(
          "Cannot write the Worker's types to " + file + ": " + e.getMessage(), e);
    }
  }

  /** The import path of {@code entryModule} as seen from a declaration file at {@code file}. */
  public static String importPath(Path file, Path entryModule) {
    Path relative =
        file.toAbsolutePath()
            .normalize()
            .getParent()
            .relativize(entryModule.toAbsolutePath().normalize());
    String path = relative.toString().replace('\\', '/').replaceFirst("\\.(ts|mts|js|mjs)$", "");
    return path.startsWith("../") ? path : "./" + path;
  }

  // `import ... from "./env"` finds env.ts before env.d.ts: a leftover hand-written env.ts would
  // win silently.
  private void warnIfShadowed(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".d.ts")) {
      Path source =
          file.resolveSibling(name.substring(0, name.length() - ".d.ts".length()) + ".ts");
      if (Files.exists(source)) {
        reporter.warn(
            source
                + " shadows the generated "
                + name
                + " for imports of \"./"
                + name.substring(0, name.length() - ".d.ts".length())
                + "\": delete it to use the generated types");
      }
    }
  }
}
