package io.github.cfcontainers.config;

/**
 * {@code <container>} as written in the POM; the Maven layer's XML class implements it, so nothing
 * is copied on the way in. Every answer may be null ("use the default"). {@link ContainerResolver}
 * validates it into a {@link ContainerSpec}; its application settings are the {@link DeployConfig}
 * part.
 */
public interface ContainerConfig extends DeployConfig {

  String className();

  String name();

  String tag();

  String image();

  BuildConfig build();
}
