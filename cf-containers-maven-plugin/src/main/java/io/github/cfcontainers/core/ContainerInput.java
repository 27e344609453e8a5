package io.github.cfcontainers.core;

/**
 * A container as the user wrote it: every field may be missing. {@link ContainerResolver}
 * turns it into a {@link ContainerSpec} or names the setting to fix.
 */
public record ContainerInput(String className, String name, String tag, String image, BuildInput build) {
}
