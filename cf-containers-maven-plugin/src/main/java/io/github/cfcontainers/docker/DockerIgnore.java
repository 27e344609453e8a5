package io.github.cfcontainers.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .dockerignore} with the Docker CLI's semantics (moby's patternmatcher): patterns are
 * cleaned paths relative to the context, {@code *} and {@code ?} stop at '/', {@code **} spans
 * directories, a pattern that matches a parent directory matches everything below it, and the last
 * matching pattern wins ({@code !} re-includes). We implement it ourselves because docker-java's
 * own handling differs from the CLI (it throws when the Dockerfile is listed and misreads {@code
 * dir/**}{@code /tmp}).
 */
public final class DockerIgnore {

  private record Rule(Pattern regex, boolean exclusion) {}

  private final List<Rule> rules;

  private DockerIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static DockerIgnore none() {
    return new DockerIgnore(List.of());
  }

  /** Reads {@code <context>/.dockerignore}, or ignores nothing when there is none. */
  public static DockerIgnore read(Path context) throws IOException {
    Path file = context.resolve(".dockerignore");
    if (!Files.isRegularFile(file)) {
      return none();
    }
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  public static DockerIgnore parse(List<String> lines) {
    var rules = new ArrayList<Rule>();
    for (String raw : lines) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean exclusion = line.startsWith("!");
      if (exclusion) {
        line = line.substring(1).trim();
      }
      String pattern = clean(line);
      if (pattern.isEmpty()) {
        continue;
      }
      rules.add(new Rule(Pattern.compile(toRegex(pattern)), exclusion));
    }
    return new DockerIgnore(rules);
  }

  /** True when the file or directory at this context-relative path ('/'-separated) is left out. */
  public boolean isIgnored(String relativePath) {
    String path = clean(relativePath);
    List<String> candidates = selfAndParents(path);
    boolean ignored = false;
    for (Rule rule : rules) {
      if (rule.exclusion() == !ignored) {
        continue; // cannot change the outcome
      }
      for (String candidate : candidates) {
        if (rule.regex().matcher(candidate).matches()) {
          ignored = !rule.exclusion();
          break;
        }
      }
    }
    return ignored;
  }

  /** Whether some rule re-includes paths; then an ignored directory must still be walked. */
  public boolean hasExclusions() {
    return rules.stream().anyMatch(Rule::exclusion);
  }

  private static List<String> selfAndParents(String path) {
    var result = new ArrayList<String>();
    result.add(path);
    int slash = path.lastIndexOf('/');
    while (slash > 0) {
      path = path.substring(0, slash);
      result.add(path);
      slash = path.lastIndexOf('/');
    }
    return result;
  }

  /** Go's filepath.Clean on '/'-separated paths, without the leading '/'. */
  static String clean(String path) {
    var parts = new ArrayList<String>();
    for (String part : path.replace('\\', '/').split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(part);
    }
    return String.join("/", parts);
  }

  /** Translates a cleaned pattern the way moby's patternmatcher does. */
  static String toRegex(String pattern) {
    var regex = new StringBuilder("^");
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '*') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
          i += 2;
          if (i < pattern.length() && pattern.charAt(i) == '/') {
            i++;
            regex.append("(.*/)?"); // "**/" matches zero or more directories
          } else {
            regex.append(".*");
          }
          continue;
        }
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c == '[') {
        int end = pattern.indexOf(']', i + 1);
        if (end < 0) {
          regex.append("\\[");
        } else {
          String body = pattern.substring(i + 1, end);
          if (body.startsWith("!")) {
            body = "^" + body.substring(1);
          }
          regex.append('[').append(body.replace("\\", "\\\\")).append(']');
          i = end;
        }
      } else if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return regex.append('$').toString();
  }
}
