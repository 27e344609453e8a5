package io.github.cfcontainers.worker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The bundle's content hash: what tells an unchanged Worker from a changed one. */
final class BundleHash {

  private BundleHash() {}

  /**
   * SHA-256 over each part's name and bytes, each length-prefixed so no two part lists collide; the
   * files' paths are not part of it.
   */
  static String of(List<BundleFile> modules, Optional<BundleFile> sourceMap) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<BundleFile> parts = new ArrayList<>(modules);
    sourceMap.ifPresent(parts::add);
    for (BundleFile part : parts) {
      byte[] name = part.name().getBytes(StandardCharsets.UTF_8);
      byte[] bytes = part.bytes();
      sha.update(longBytes(name.length));
      sha.update(name);
      sha.update(longBytes(bytes.length));
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return b;
  }
}
