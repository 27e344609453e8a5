package io.github.cfcontainers.emulator.workers;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names an ES module exports, by a plain text scan: `export class X`, `export { X }`, `export {
 * A as X }`, `export const X`, `export function X`. Bundlers (esbuild) emit the `export { ... }`
 * form, so that one matters most.
 */
final class ModuleExports {
  private static final Pattern DECLARED =
      Pattern.compile(
          "\\bexport\\s+(?:default\\s+)?(?:abstract\\s+)?(?:class|function\\*?|async\\s+function|const|let|var)\\s+([A-Za-z_$][\\w$]*)");
  private static final Pattern LIST = Pattern.compile("\\bexport\\s*\\{([^}]*)\\}");

  private ModuleExports() {}

  static Set<String> of(String source) {
    String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", " ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = DECLARED.matcher(code);
    while (m.find()) names.add(m.group(1));
    m = LIST.matcher(code);
    while (m.find()) {
      for (String item : m.group(1).split(",")) {
        String s = item.trim();
        if (s.isEmpty()) continue;
        String[] asParts = s.split("\\s+as\\s+");
        names.add(asParts[asParts.length - 1].trim());
      }
    }
    return names;
  }

  /** Which handlers the default export seems to implement (fetch, scheduled, ...). */
  static Set<String> handlers(String source) {
    Set<String> handlers = new LinkedHashSet<>();
    for (String h :
        new String[] {"fetch", "scheduled", "queue", "tail", "email", "trace", "alarm"}) {
      if (Pattern.compile("\\b" + h + "\\s*[(:]").matcher(source).find()) handlers.add(h);
    }
    return handlers;
  }
}
