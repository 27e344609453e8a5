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
 * The images a Dockerfile builds on ({@code FROM}, {@code COPY --from=<image>}), with the build
 * args substituted as the engine would. A moving tag such as {@code eclipse-temurin:25-jdk} may
 * point to another local image after a pull, and the engine's cache would then build anew: the
 * content key includes what each reference points to now.
 */
final class BaseImages {

  private static final Pattern FROM =
      Pattern.compile("(?i)^FROM\\s+(?:--\\S+\\s+)*(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");
  private static final Pattern COPY_FROM = Pattern.compile("(?i)^(?:COPY|ADD)\\s.*?--from=(\\S+)");
  private static final Pattern ARG =
      Pattern.compile("(?i)^ARG\\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\\S*))?");
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private BaseImages() {}

  /**
   * The external references in build order, or empty when one cannot be resolved (an argument
   * without a value): then the image is built, not reused.
   */
  static Optional<List<String>> of(Path dockerfile, Map<String, String> buildArgs)
      throws IOException {
    var args = new HashMap<String, String>();
    var stages = new HashSet<String>();
    var references = new ArrayList<String>();
    boolean beforeFirstFrom = true;
    int stageCount = 0;
    for (String line : instructions(Files.readString(dockerfile))) {
      Matcher m;
      if (beforeFirstFrom && (m = ARG.matcher(line)).find()) {
        String name = m.group(1);
        args.put(name, buildArgs.getOrDefault(name, m.group(2)));
      } else if ((m = FROM.matcher(line)).matches()) {
        beforeFirstFrom = false;
        Optional<String> reference = substitute(m.group(1), args);
        if (reference.isEmpty()) {
          return Optional.empty();
        }
        external(reference.get(), stages).ifPresent(references::add);
        if (m.group(2) != null) {
          stages.add(m.group(2).toLowerCase(Locale.ROOT));
        }
        stages.add(String.valueOf(stageCount++));
      } else if ((m = COPY_FROM.matcher(line)).find()) {
        String from = m.group(1);
        if (from.contains("$")) {
          return Optional.empty();
        }
        external(from, stages).ifPresent(references::add);
      }
    }
    return Optional.of(List.copyOf(references));
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

  /** Instructions with line continuations joined, comments and blank lines dropped. */
  private static List<String> instructions(String text) {
    var result = new ArrayList<String>();
    var current = new StringBuilder();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      result.add(current.toString().strip());
      current.setLength(0);
    }
    if (!current.isEmpty()) {
      result.add(current.toString().strip());
    }
    return result;
  }
}
