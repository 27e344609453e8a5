package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The Jackson configuration of every body the client sends and reads: the {@code model} records
 * carry no naming or inclusion annotations of their own, so they are written and read only through
 * this mapper. Public so other layers (a metadata hash, tests) write exactly what goes on the wire.
 */
public final class CloudflareJson {

  /**
   * The client's mapper, one per plugin class loader: Jackson keeps what it learnt of each type
   * (its deserializers) per mapper, so every client of a build, and the warm-up that runs ahead of
   * them, share that work. Used as configured here, never reconfigured.
   */
  private static final ObjectMapper SHARED = newMapper();

  private CloudflareJson() {}

  /** The shared mapper (see {@link #SHARED}); do not reconfigure it. */
  public static ObjectMapper shared() {
    return SHARED;
  }

  /**
   * A new mapper: Java names in snake_case ({@code mainModule} → {@code main_module}; a field whose
   * wire name differs says so with {@code @JsonProperty}), absent values not written, unknown
   * properties ignored. No java.time module: no model type has a java.time field (dates stay the
   * API's strings), and registering it cost a cold JVM ~40 ms on every client's path.
   */
  public static ObjectMapper newMapper() {
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }
}
