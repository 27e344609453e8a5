package io.github.cfcontainers.config;

/**
 * A container as the user wrote it: every field may be missing. {@link ContainerResolver} turns it
 * into a {@link ContainerSpec} or names the setting to fix.
 *
 * @param deploy the application settings, read by deploy and plan only
 */
public record ContainerInput(
    String className, String name, String tag, String image, BuildInput build, DeployInput deploy) {

  /** A container without application settings (the build needs none). */
  public ContainerInput(String className, String name, String tag, String image, BuildInput build) {
    this(className, name, tag, image, build, null);
  }
}
