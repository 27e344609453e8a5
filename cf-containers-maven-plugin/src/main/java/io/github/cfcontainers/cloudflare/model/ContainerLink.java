package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An entry of the upload metadata's {@code containers}: {@code {"name":"<application
 * name>","class_name":"MyContainer"}} marks the class's Durable Object namespace as
 * container-enabled. {@code name} is optional.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerLink(String name, String className) {

  public static ContainerLink forClass(String className) {
    return new ContainerLink(null, className);
  }
}
