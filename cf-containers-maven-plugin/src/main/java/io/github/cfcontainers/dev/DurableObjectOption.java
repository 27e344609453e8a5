package io.github.cfcontainers.dev;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of Miniflare's {@code durableObjects} option. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DurableObjectOption(String className, boolean useSQLite, ContainerOption container) {

  /** Miniflare's {@code container} of a Durable Object: the local image it starts. */
  public record ContainerOption(String imageName) {}
}
