/**
 * {@code cf:build}: building and pushing each container's image through the {@link ContainerEngine}
 * port (the Docker adapter implements it), the build report CI reads and {@code cf:deploy} reuses.
 */
package io.github.cfcontainers.build;
