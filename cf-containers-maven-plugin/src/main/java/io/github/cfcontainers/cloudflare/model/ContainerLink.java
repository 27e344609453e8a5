package io.github.cfcontainers.cloudflare.model;

/**
 * An entry of the upload metadata's {@code containers}: {@code {"name":"<application
 * name>","class_name":"MyContainer"}} marks the class's Durable Object namespace as
 * container-enabled. {@code name} is optional.
 */
public record ContainerLink(String name, String className) {

  public static ContainerLink forClass(String className) {
    return new ContainerLink(null, className);
  }
}
