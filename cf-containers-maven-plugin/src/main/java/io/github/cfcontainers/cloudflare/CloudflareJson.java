package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.cfcontainers.cloudflare.model.WorkerBinding;
import io.github.cfcontainers.cloudflare.model.WorkerBindings;
import io.github.cfcontainers.json.JsonNaming;
import io.github.cfcontainers.json.RecordReader;
import io.github.cfcontainers.json.RecordWriter;
import java.io.IOException;
import java.util.Map;

/**
 * How the client writes and reads every body: the {@code model} records carry no naming or
 * inclusion annotations of their own, so they are written and read only through this class. Java
 * names in snake_case ({@code mainModule} → {@code main_module}; a field whose wire name differs
 * says so with {@code @JsonProperty}), absent values not written, unknown properties ignored.
 *
 * <p>Answers, and the Worker metadata's content hash, go through the streaming {@link #ANSWERS} and
 * {@link #BODIES} (an unchanged deploy then loads no data binding); the request bodies, the
 * upload's metadata and error details through data binding's {@link #shared()} mapper, made at
 * first use. {@code CloudflareJsonParityTest} checks both write and read the same.
 */
public final class CloudflareJson {

  /** Every answer's reader; a binding by its {@code type} (see {@link WorkerBindings}). */
  public static final RecordReader ANSWERS =
      new RecordReader(JsonNaming.SNAKE_CASE, Map.of(WorkerBinding.class, CloudflareJson::binding));

  /** A body as data binding's mapper below writes it, without data binding. */
  public static final RecordWriter BODIES = new RecordWriter(JsonNaming.SNAKE_CASE, true);

  /**
   * The client's data binding, one per plugin class loader, made at first use: Jackson keeps what
   * it learnt of each type per mapper. Used as configured here, never reconfigured.
   */
  private static final class Shared {
    static final ObjectMapper MAPPER = newMapper();
  }

  private CloudflareJson() {}

  private static WorkerBinding binding(JsonParser parser) throws IOException {
    var tree = RecordReader.tree(parser);
    try {
      return WorkerBindings.read(tree);
    } catch (IOException e) { // an answer of the wrong shape, as data binding reports one
      throw new JsonParseException(parser, e.getMessage(), e);
    }
  }

  /** The shared mapper (see {@link Shared}); do not reconfigure it. */
  public static ObjectMapper shared() {
    return Shared.MAPPER;
  }

  /**
   * A new mapper, configured as described above. No java.time module: no model type has a java.time
   * field (dates stay the API's strings), and registering it cost a cold JVM ~40 ms on every
   * client's path.
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
