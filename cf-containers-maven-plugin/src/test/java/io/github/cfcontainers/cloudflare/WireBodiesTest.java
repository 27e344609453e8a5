package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ApplicationCreateRequest;
import io.github.cfcontainers.cloudflare.model.ApplicationPatchRequest;
import io.github.cfcontainers.cloudflare.model.ContainerInstance;
import io.github.cfcontainers.cloudflare.model.ContainersAccount;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespace;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespaceBinding;
import io.github.cfcontainers.cloudflare.model.GenericBinding;
import io.github.cfcontainers.cloudflare.model.PlainTextBinding;
import io.github.cfcontainers.cloudflare.model.RegistryCredentials;
import io.github.cfcontainers.cloudflare.model.RegistryCredentialsRequest;
import io.github.cfcontainers.cloudflare.model.Rollout;
import io.github.cfcontainers.cloudflare.model.RolloutCreateRequest;
import io.github.cfcontainers.cloudflare.model.ScriptMetadata;
import io.github.cfcontainers.cloudflare.model.ScriptSettings;
import io.github.cfcontainers.cloudflare.model.ScriptSubdomain;
import io.github.cfcontainers.cloudflare.model.ScriptSummary;
import io.github.cfcontainers.cloudflare.model.ScriptUploadResult;
import io.github.cfcontainers.cloudflare.model.SecretTextBinding;
import io.github.cfcontainers.cloudflare.model.WorkerBinding;
import io.github.cfcontainers.cloudflare.model.WorkerService;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every body record, each field set, written by the client's mapper and compared byte for byte to
 * wire-bodies.txt (the bodies as written before the records lost their per-class Jackson
 * annotations), then read back to an equal record: a renamed or reordered field fails here.
 */
class WireBodiesTest {

  private static final ObjectMapper MAPPER = CloudflareJson.newMapper();

  /** Top-level bodies: nested records are reached through these. */
  private static final List<Class<?>> BODIES =
      List.of(
          ApplicationCreateRequest.class,
          ApplicationPatchRequest.class,
          RolloutCreateRequest.class,
          RegistryCredentialsRequest.class,
          ScriptSubdomain.class,
          ScriptMetadata.class,
          Application.class,
          Rollout.class,
          ContainerInstance.class,
          ContainersAccount.class,
          DurableObjectNamespace.class,
          RegistryCredentials.class,
          ScriptSettings.class,
          ScriptSummary.class,
          ScriptUploadResult.class,
          WorkerService.class,
          ApiEnvelope.ResultInfo.class);

  @Test
  void everyBodyIsWrittenAsBeforeAndReadsBack() throws Exception {
    Map<String, String> expected = golden();
    assertThat(expected.keySet())
        .containsExactlyElementsOf(BODIES.stream().map(Class::getName).toList());
    for (Class<?> type : BODIES) {
      Object value = sample(type);
      String json = MAPPER.writeValueAsString(value);
      assertThat(json).as(type.getName()).isEqualTo(expected.get(type.getName()));
      assertThat(MAPPER.readValue(json, type)).as(type.getName()).isEqualTo(value);
    }
  }

  @Test
  void theEnvelopeReadsSnakeCaseFields() throws Exception {
    JavaType t = MAPPER.getTypeFactory().constructParametricType(ApiEnvelope.class, String.class);
    ApiEnvelope<String> env =
        MAPPER.readValue(
            "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":\"r\","
                + "\"result_info\":{\"page\":1,\"per_page\":2,\"count\":3,\"total_count\":4,"
                + "\"next_page_token\":\"n\"},\"extra\":1}",
            t);
    assertThat(env.result()).isEqualTo("r");
    assertThat(env.resultInfo()).isEqualTo(new ApiEnvelope.ResultInfo(1, 2, 3, 4, "n"));
  }

  private static Map<String, String> golden() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = WireBodiesTest.class.getResourceAsStream("wire-bodies.txt")) {
      assertThat(in).as("wire-bodies.txt").isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          int tab = line.indexOf('\t');
          out.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    }
    return out;
  }

  /** A value of {@code type} with every field set; names and numbers derive from the field. */
  private static Object sample(Type type, String name) throws Exception {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type arg = p.getActualTypeArguments()[p.getActualTypeArguments().length - 1];
      if (raw == List.class) {
        return arg == WorkerBinding.class ? bindings() : List.of(sample(arg, name));
      }
      if (raw == Map.class) {
        return Map.of(name + "_key", arg == Object.class ? 1 : sample(arg, name));
      }
      throw new IllegalArgumentException("no sample for " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return name + "-v";
    }
    if (c == Integer.class || c == int.class) {
      return name.length();
    }
    if (c == Long.class || c == long.class) {
      return (long) name.length() * 1000;
    }
    if (c == Double.class || c == double.class) {
      return name.length() + 0.5;
    }
    if (c == Boolean.class || c == boolean.class) {
      return true;
    }
    if (c == JsonNode.class) {
      return JsonNodeFactory.instance.objectNode().put("raw_" + name, name);
    }
    if (c.isRecord()) {
      return sample(c);
    }
    throw new IllegalArgumentException("no sample for " + type);
  }

  private static Object sample(Class<?> record) throws Exception {
    RecordComponent[] parts = record.getRecordComponents();
    Class<?>[] types = new Class<?>[parts.length];
    Object[] values = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      types[i] = parts[i].getType();
      values[i] = sample(parts[i].getGenericType(), parts[i].getName());
    }
    var ctor = record.getDeclaredConstructor(types);
    ctor.setAccessible(true);
    return ctor.newInstance(values);
  }

  private static List<WorkerBinding> bindings() throws Exception {
    return List.of(
        (WorkerBinding) sample(DurableObjectNamespaceBinding.class),
        (WorkerBinding) sample(PlainTextBinding.class),
        (WorkerBinding) sample(SecretTextBinding.class),
        new GenericBinding("r2_bucket", "B", Map.of("bucket_name", "b")));
  }
}
