package io.github.cfcontainers.worker;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The PATH of an environment: finding an executable on it the way a shell would. */
final class SearchPath {

  static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private final Map<String, String> environment;

  SearchPath(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** For messages: {@code PATH=...} or that it is not set. */
  String describe() {
    String path = environment.get(key());
    return path == null ? "PATH is not set" : "PATH=" + path;
  }

  /** The environment with {@code dir} first on the PATH. */
  Map<String, String> withFirst(Path dir) {
    Map<String, String> env = new HashMap<>(environment);
    String key = key();
    String path = env.get(key);
    env.put(key, path == null || path.isEmpty() ? dir.toString() : dir + File.pathSeparator + path);
    return env;
  }

  Optional<Path> find(String tool) {
    String path = environment.get(key());
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

  /** The PATH variable's name as spelled in the environment (Windows spells it Path). */
  private String key() {
    for (String key : environment.keySet()) {
      if (key.equalsIgnoreCase("PATH")) {
        return key;
      }
    }
    return "PATH";
  }
}
