package io.github.cfcontainers.config;

import java.util.Map;

/** {@code <build>} of a container as written; every answer may be null ("use the default"). */
public interface BuildConfig {

  String context();

  String dockerfile();

  String target();

  Map<String, String> args();

  String platform();

  Map<String, String> labels();

  Boolean noCache();

  Boolean pull();
}
