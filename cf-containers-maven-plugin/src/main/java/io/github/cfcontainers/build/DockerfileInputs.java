package io.github.cfcontainers.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Dockerfile reads from outside its build context, as far as a content key can cover it: the
 * images it builds on ({@code FROM}, {@code COPY --from=<image>}), with the build args substituted
 * as the engine would. A moving tag such as {@code eclipse-temurin:25-jdk} may point to another
 * local image after a pull, and the engine's cache would then build anew: the content key includes
 * what each reference points to now. Anything else it reads from outside, or a line this scan
 * cannot read, means no key: the image is built, never wrongly reused.
 */
final class DockerfileInputs {

  /** The base references in build order, or why no content key covers the Dockerfile. */
  record Scan(List<String> baseImages, String uncovered) {

    static Scan covered(List<String> baseImages) {
      return new Scan(List.copyOf(baseImages), null);
    }

    static Scan uncovered(String why) {
      return new Scan(List.of(), why);
    }

    boolean coverable() {
      return uncovered == null;
    }
  }

  private static final Pattern FROM =
      Pattern.compile("(?i)^FROM\\s+(?:--\\S+\\s+)*(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");
  private static final Pattern FROM_KEYWORD = Pattern.compile("(?i)^FROM(?:\\s|$)");
  private static final Pattern COPY_FROM = Pattern.compile("(?i)^(?:COPY|ADD)\\s.*?--from=(\\S+)");
  private static final Pattern ADD = Pattern.compile("(?i)^ADD\\s");
  private static final Pattern RUN_MOUNT_FROM =
      Pattern.compile("(?i)^RUN\\s.*--mount=\\S*\\bfrom=");
  private static final Pattern ARG =
      Pattern.compile("(?i)^ARG\\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\\S*))?");
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern ESCAPE_DIRECTIVE = Pattern.compile("(?i)^#\\s*escape\\s*=\\s*(\\S)");
  private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*[A-Za-z]+\\s*=");

  private DockerfileInputs() {}

  static Scan of(Path dockerfile, Map<String, String> buildArgs) throws IOException {
    String text = Files.readString(dockerfile);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a UTF-8 byte order mark, which the engine skips
    }
    Optional<String> escape = escapeDirective(text);
    if (escape.isPresent() && !escape.get().equals("\\")) {
      return Scan.uncovered(
          "the Dockerfile's escape directive (" + escape.get() + ") is not read here");
    }
    var args = new HashMap<String, String>();
    var stages = new HashSet<String>();
    var references = new ArrayList<String>();
    boolean beforeFirstFrom = true;
    int stageCount = 0;
    for (String line : instructions(text)) {
      Matcher m;
      if (beforeFirstFrom && (m = ARG.matcher(line)).find()) {
        String name = m.group(1);
        args.put(name, buildArgs.getOrDefault(name, m.group(2)));
      } else if ((m = FROM.matcher(line)).matches()) {
        beforeFirstFrom = false;
        Optional<String> reference = substitute(m.group(1), args);
        if (reference.isEmpty()) {
          return Scan.uncovered("FROM " + m.group(1) + ": the argument has no value");
        }
        external(reference.get(), stages).ifPresent(references::add);
        if (m.group(2) != null) {
          stages.add(m.group(2).toLowerCase(Locale.ROOT));
        }
        stages.add(String.valueOf(stageCount++));
      } else if (FROM_KEYWORD.matcher(line).find()) {
        return Scan.uncovered("the Dockerfile has a FROM line this scan cannot read: " + line);
      } else if ((m = COPY_FROM.matcher(line)).find()) {
        String from = m.group(1);
        if (from.contains("$")) {
          return Scan.uncovered("--from=" + from + " names a variable");
        }
        external(from, stages).ifPresent(references::add);
      } else if (ADD.matcher(line).find() && remoteSource(line)) {
        // the engine fetches a remote ADD source at every build: its content is not known here
        return Scan.uncovered(
            "the Dockerfile ADDs a remote source, fetched at every build: " + line);
      } else if (RUN_MOUNT_FROM.matcher(line).find()) {
        return Scan.uncovered("the Dockerfile mounts another image or stage in a RUN: " + line);
      }
    }
    if (beforeFirstFrom) {
      return Scan.uncovered("the Dockerfile has no FROM line this scan can read");
    }
    return Scan.covered(references);
  }

  /** A URL or git remote among an ADD line's words (its flags and destination included). */
  private static boolean remoteSource(String line) {
    return line.contains("://") || line.matches("(?s).*[\\s\"\\[]git@.*");
  }

  /** A reference that is an image, not an earlier stage (by name or number) or scratch. */
  private static Optional<String> external(String reference, Set<String> stages) {
    String lower = reference.toLowerCase(Locale.ROOT);
    return stages.contains(lower) || lower.equals("scratch")
        ? Optional.empty()
        : Optional.of(reference);
  }

  private static Optional<String> substitute(String text, Map<String, String> args) {
    var out = new StringBuilder();
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(3);
      String value = args.get(name);
      if ((value == null || value.isEmpty()) && m.group(2) != null) {
        value = m.group(2);
      }
      if (value == null || value.isEmpty()) {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  /** The escape parser directive, if the Dockerfile opens with one (directives come first). */
  private static Optional<String> escapeDirective(String text) {
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      Matcher m = ESCAPE_DIRECTIVE.matcher(line);
      if (m.find()) {
        return Optional.of(m.group(1));
      }
      if (!DIRECTIVE.matcher(line).find()) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Instructions with line continuations joined as the engine joins them (the escape and line end
   * removed, the next line appended as it is); comment and blank lines dropped, also inside a
   * continuation, as the engine drops them.
   */
  private static List<String> instructions(String text) {
    var result = new ArrayList<String>();
    var current = new StringBuilder();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String part = current.isEmpty() ? line : raw.stripTrailing();
      if (part.endsWith("\\")) {
        current.append(part, 0, part.length() - 1);
        continue;
      }
      current.append(part);
      result.add(current.toString().strip());
      current.setLength(0);
    }
    if (!current.isEmpty()) {
      result.add(current.toString().strip());
    }
    return result;
  }
}
