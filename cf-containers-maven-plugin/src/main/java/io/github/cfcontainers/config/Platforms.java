package io.github.cfcontainers.config;

import java.util.Set;

/** Image platforms: Cloudflare runs only linux/amd64; others are for local use. */
public final class Platforms {

  public static final String CLOUDFLARE = "linux/amd64";

  public static final Set<String> KNOWN =
      Set.of(
          "linux/amd64",
          "linux/arm64",
          "linux/arm64/v8",
          "linux/arm/v7",
          "linux/arm/v6",
          "linux/386",
          "linux/ppc64le",
          "linux/s390x",
          "linux/riscv64");

  private Platforms() {}

  public static boolean isKnown(String platform) {
    return KNOWN.contains(platform);
  }
}
