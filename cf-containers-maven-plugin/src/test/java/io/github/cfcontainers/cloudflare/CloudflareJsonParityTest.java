package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.cloudflare.model.DurableObjectNamespaceBinding;
import io.github.cfcontainers.cloudflare.model.GenericBinding;
import io.github.cfcontainers.cloudflare.model.PlainTextBinding;
import io.github.cfcontainers.cloudflare.model.ScriptMetadata;
import io.github.cfcontainers.cloudflare.model.SecretTextBinding;
import io.github.cfcontainers.cloudflare.model.WorkerBinding;
import io.github.cfcontainers.json.SampleValues;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client reads answers and writes the Worker metadata's hash without data binding ({@link
 * CloudflareJson#ANSWERS}, {@link CloudflareJson#BODIES}): for every answer type of every endpoint
 * and every body type, the same values and texts come out as with data binding's mapper, which the
 * client used before and still uses for request bodies.
 */
class CloudflareJsonParityTest {

  private static final JsonFactory FACTORY = new JsonFactory();
  private final ObjectMapper databind = CloudflareJson.newMapper();

  private static final List<Object> BINDINGS =
      List.of(
          new DurableObjectNamespaceBinding("DO", "MyContainer"),
          new PlainTextBinding("GREETING", "hi 👋 ü"),
          new SecretTextBinding("TOKEN", null),
          new DurableObjectNamespaceBinding("OTHER", "Cls", "other-worker", "production", "ns1"),
          new SecretTextBinding("KEY", "value"),
          new GenericBinding(
              "kv_namespace",
              "CACHE",
              map("namespace_id", "abc", "nested", map("n", 1, "l", List.of(2.5, "x", true)))),
          new GenericBinding("service", null, map("service", "auth", "none", null)));

  private final SampleValues samples = new SampleValues(Map.of(WorkerBinding.class, BINDINGS));

  /** {@code X} of every {@code Call<X>} the endpoints declare. */
  static Stream<Type> answerTypes() {
    var types = new LinkedHashSet<Type>();
    for (var endpoints : List.of(WorkersEndpoints.class, ContainersEndpoints.class)) {
      for (var method : endpoints.getDeclaredMethods()) {
        types.add(((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0]);
      }
    }
    return types.stream();
  }

  @ParameterizedTest
  @MethodSource("answerTypes")
  void everyAnswerIsReadAsDataBindingReadsIt(Type envelope) throws IOException {
    Type result = ((ParameterizedType) envelope).getActualTypeArguments()[0];
    var results = new ArrayList<Object>();
    results.add(samples.full(result));
    results.add(null);
    if (result instanceof Class<?> c && c.isRecord()) {
      results.add(samples.empty(c));
    }
    for (Object value : results) {
      String json =
          "{\"success\":true,\"errors\":[],\"messages\":[{\"code\":1,\"message\":\"m\"}],"
              + "\"result\":"
              + databind.writeValueAsString(value)
              + ",\"result_info\":{\"page\":1,\"per_page\":20,\"count\":1,\"total_count\":\"7\"}}";
      sameBothWays(json, envelope);
      sameBothWays(withUnknownMembers(json), envelope);
    }
  }

  /** Scalars of another kind than the record says, as answers sometimes have them. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\":12,\"version\":\"3\",\"instances\":2.9,\"max_instances\":\"\",\"name\":true}",
        "{\"id\":null,\"configuration\":{\"vcpu\":\"0.5\",\"memory_mib\":256,\"disk\":null}}",
        "{\"health\":{\"instances\":{\"active\":1,\"healthy\":null}},\"constraints\":{\"tiers\":[1,\"2\"]}}",
      })
  void coercesScalarsAsDataBindingDoes(String application) throws IOException {
    sameBothWays(application, io.github.cfcontainers.cloudflare.model.Application.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\":{\"nested\":1}}",
        "{\"version\":\"three\"}",
        "{\"constraints\":{\"tiers\":7}}",
        "{\"configuration\":[]}",
      })
  void anAnswerOfTheWrongShapeFailsAsWithDataBinding(String application) {
    var type = io.github.cfcontainers.cloudflare.model.Application.class;
    assertThatThrownBy(() -> databind.readValue(application, type))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> CloudflareJson.ANSWERS.read(parser(application), type))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void aBindingThatIsNotAnObjectFailsAsAnAnswerOfTheWrongShape() {
    String settings = "{\"bindings\":[\"DO\"]}";
    var type = io.github.cfcontainers.cloudflare.model.ScriptSettings.class;
    assertThatThrownBy(() -> databind.readValue(settings, type))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> CloudflareJson.ANSWERS.read(parser(settings), type))
        .isInstanceOf(JsonProcessingException.class);
  }

  /** The metadata's content hash is over these bytes: the hash of a deployed Worker holds. */
  @Test
  void theMetadataIsWrittenAsDataBindingWritesIt() throws IOException {
    var typical =
        ScriptMetadata.builder("worker.js", "2026-11-01")
            .compatibilityFlag("nodejs_compat")
            .binding(new DurableObjectNamespaceBinding("MY_CONTAINER", "MyContainer"))
            .binding(new PlainTextBinding("A", "1 \uD83D\uDC4B \u00e9 \u0001 \"q\""))
            .binding(new SecretTextBinding("S", null))
            .keepBinding("secret_text")
            .keepBinding("secret_key")
            .build();
    for (Object value :
        List.of(typical, samples.full(ScriptMetadata.class), samples.empty(ScriptMetadata.class))) {
      // the bytes the hash was taken over before: writeValueAsBytes
      assertThat(CloudflareJson.BODIES.bytes(value)).isEqualTo(databind.writeValueAsBytes(value));
    }
  }

  /** Every request body type, so a later switch of the bodies to the streaming writer is safe. */
  @ParameterizedTest
  @ValueSource(
      classes = {
        io.github.cfcontainers.cloudflare.model.ApplicationCreateRequest.class,
        io.github.cfcontainers.cloudflare.model.ApplicationPatchRequest.class,
        io.github.cfcontainers.cloudflare.model.RolloutCreateRequest.class,
        io.github.cfcontainers.cloudflare.model.RegistryCredentialsRequest.class,
        io.github.cfcontainers.cloudflare.model.ScriptSubdomain.class,
      })
  void everyBodyTypeIsWrittenAsDataBindingWritesIt(Class<?> type) throws IOException {
    for (Object value : new Object[] {samples.full(type), samples.empty(type)}) {
      assertThat(new String(CloudflareJson.BODIES.bytes(value), "UTF-8"))
          .isEqualTo(databind.writeValueAsString(value));
    }
  }

  /** The same value both ways, or (a map of strings given objects, say) a failure both ways. */
  /** One record of every scalar kind, each member given each text below, both ways. */
  public record Scalars(
      Integer boxedInt,
      int plainInt,
      Long boxedLong,
      long plainLong,
      Double boxedDouble,
      double plainDouble,
      Boolean boxedBoolean,
      boolean plainBoolean,
      String text) {}

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"null\"",
        "\"\"",
        "\" \"",
        "null",
        "\"12\"",
        "\" 7 \"",
        "\"1.5\"",
        "\"-3\"",
        "\"1e3\"",
        "\"INF\"",
        "\"-Infinity\"",
        "\"NaN\"",
        "\"1d\"",
        "\"0x1p3\"",
        "\"true\"",
        "\"True\"",
        "\"TRUE\"",
        "\"tRUE\"",
        "\"false\"",
        "\"no\"",
        "true",
        "false",
        "0",
        "1",
        "-1",
        "2.9",
        "-2.9",
        "1e19",
        "12345678901",
        "123456789012345678901234567890",
        "[]",
        "{}",
        "\"é\""
      })
  void everyScalarKindTakesATextAsDataBindingDoes(String value) throws IOException {
    var snakeCase = new PropertyNamingStrategies.SnakeCaseStrategy();
    for (var component : Scalars.class.getRecordComponents()) {
      String member = snakeCase.translate(component.getName());
      sameBothWays("{\"" + member + "\":" + value + "}", Scalars.class);
    }
  }

  private void sameBothWays(String json, Type type) throws IOException {
    Object expected;
    try {
      expected = databind.readValue(json, databind.constructType(type));
    } catch (JsonProcessingException refused) {
      assertThatThrownBy(() -> CloudflareJson.ANSWERS.read(parser(json), type))
          .as(json)
          .isInstanceOf(JsonProcessingException.class);
      return;
    }
    assertThat(CloudflareJson.ANSWERS.read(parser(json), type)).as(json).isEqualTo(expected);
  }

  private static com.fasterxml.jackson.core.JsonParser parser(String json) throws IOException {
    var parser = FACTORY.createParser(json);
    parser.nextToken();
    return parser;
  }

  /** The same answer with a member no record knows in every object: scalar, object and array. */
  private String withUnknownMembers(String json) throws IOException {
    JsonNode tree = databind.readTree(json);
    addUnknown(tree);
    return databind.writeValueAsString(tree);
  }

  private static void addUnknown(JsonNode node) {
    if (node instanceof ObjectNode object) {
      var children = new ArrayList<JsonNode>();
      object.elements().forEachRemaining(children::add);
      children.forEach(CloudflareJsonParityTest::addUnknown);
      object.put("zz_unknown_scalar", 1);
      object.putObject("zz_unknown_object").putArray("x").add(1).addObject().put("y", "z");
    } else if (node.isArray()) {
      node.forEach(CloudflareJsonParityTest::addUnknown);
    }
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
