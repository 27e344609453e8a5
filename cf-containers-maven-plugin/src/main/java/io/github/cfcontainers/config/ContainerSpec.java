package io.github.cfcontainers.config;

import java.util.Optional;

/**
 * One validated container of the Worker.
 *
 * @param className the Durable Object class in the Worker that owns the instances
 * @param name the container application name, also the image repository name
 * @param tag a fixed tag; empty means "derived from the image content"
 */
public record ContainerSpec(
    String className, String name, Optional<String> tag, ImageSource source) {

  /** Used in messages: "MyContainer (my-worker-mycontainer)". */
  public String label() {
    return className + " (" + name + ")";
  }
}
