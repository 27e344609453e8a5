package io.github.cfcontainers.maven;

import io.github.cfcontainers.config.BuildConfig;
import java.util.Map;

/** {@code <build>} of a container: how its image is built. Field names are the XML elements. */
public class Build implements BuildConfig {

  /** The build context; default the project directory. Relative to the project directory. */
  String context;

  /** The Dockerfile, relative to the context; default {@code Dockerfile}. */
  String dockerfile;

  /** The stage of a multi-stage Dockerfile to build. */
  String target;

  /** Build arguments ({@code ARG}s), as {@code <NAME>value</NAME>}. */
  Map<String, String> args;

  /** Default {@code linux/amd64}, the only platform Cloudflare runs. */
  String platform;

  /** Image labels, as {@code <name>value</name>}. */
  Map<String, String> labels;

  Boolean noCache;

  /** Pull newer base images before building (needs the network). */
  Boolean pull;

  // The raw view the resolvers read: the fields as Maven injected them.

  @Override
  public String context() {
    return context;
  }

  @Override
  public String dockerfile() {
    return dockerfile;
  }

  @Override
  public String target() {
    return target;
  }

  @Override
  public Map<String, String> args() {
    return args;
  }

  @Override
  public String platform() {
    return platform;
  }

  @Override
  public Map<String, String> labels() {
    return labels;
  }

  @Override
  public Boolean noCache() {
    return noCache;
  }

  @Override
  public Boolean pull() {
    return pull;
  }
}
