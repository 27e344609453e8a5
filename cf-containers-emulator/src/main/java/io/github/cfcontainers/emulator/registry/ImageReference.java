package io.github.cfcontainers.emulator.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `host[:port]/path[:tag|@sha256:hex]`, split into its parts. */
public record ImageReference(String host, String repository, String reference, String tag) {
  private static final Pattern REF =
      Pattern.compile(
          "([^/]+)/([a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)(?::([\\w][\\w.-]{0,127}))?(?:@(sha256:[0-9a-f]{64}))?");

  public static ImageReference parse(String image) {
    Matcher m = REF.matcher(image);
    if (!m.matches()
        || !(m.group(1).contains(".")
            || m.group(1).contains(":")
            || m.group(1).equals("localhost"))) {
      return null;
    }
    String ref = m.group(4) != null ? m.group(4) : m.group(3) != null ? m.group(3) : "latest";
    String tag = m.group(3) != null ? m.group(3) : m.group(4) == null ? "latest" : null;
    return new ImageReference(m.group(1), m.group(2), ref, tag);
  }

  boolean byDigest() {
    return reference.startsWith("sha256:");
  }

  public String full() {
    return host + "/" + repository + (byDigest() ? "@" : ":") + reference;
  }
}
