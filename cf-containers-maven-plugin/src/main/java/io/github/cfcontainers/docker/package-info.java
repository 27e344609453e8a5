/**
 * The Docker engine adapter (docker-java): implements the {@code build} and {@code dev} engine
 * ports.
 */
package io.github.cfcontainers.docker;
