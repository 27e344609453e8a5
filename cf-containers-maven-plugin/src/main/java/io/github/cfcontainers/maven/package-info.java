/**
 * The Maven face: one thin mojo per goal (read parameters, call one service, map failures to
 * messages that name the XML element and the {@code -D} property), the POM's XML configuration
 * classes, credentials from the environment or {@code settings.xml}.
 */
package io.github.cfcontainers.maven;
