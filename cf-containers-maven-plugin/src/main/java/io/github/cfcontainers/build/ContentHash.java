package io.github.cfcontainers.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SHA-256 over a sequence of named parts, each length-prefixed so that no two different sequences
 * feed the digest the same bytes; the building block of the build's content keys.
 */
public final class ContentHash {

  private final MessageDigest sha;

  public ContentHash(String kind) {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    text(kind);
  }

  public ContentHash text(String value) {
    byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    length(bytes.length);
    sha.update(bytes);
    return this;
  }

  /** A name and its value: the name keeps an empty value apart from a missing one. */
  public ContentHash field(String name, Object value) {
    return text(name).text(value == null ? "\0null" : value.toString());
  }

  /** Sorted, so the map's iteration order does not matter. */
  public ContentHash map(String name, Map<String, String> values) {
    text(name);
    length(values.size());
    new TreeMap<>(values).forEach((k, v) -> text(k).text(v));
    return this;
  }

  /** A file's bytes (streamed: a context may hold large files), or a marker when it is absent. */
  public ContentHash file(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return text("\0absent");
    }
    length(Files.size(file));
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    return this;
  }

  public String hex() {
    return HexFormat.of().formatHex(sha.digest());
  }

  private void length(long value) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      sha.update((byte) (value >>> shift));
    }
  }
}
