package io.github.cfcontainers.config;

import java.util.Map;

/** The {@code <build>} block as written; nulls mean "use the default". */
public record BuildInput(
    String context,
    String dockerfile,
    String target,
    Map<String, String> args,
    String platform,
    Map<String, String> labels,
    Boolean noCache,
    Boolean pull) {

  public static final BuildInput DEFAULTS =
      new BuildInput(null, null, null, null, null, null, null, null);
}
