package io.github.cfcontainers.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records as JSON with Jackson's streaming generator alone, byte for byte as Jackson's data binding
 * writes them with the settings this plugin uses: components in their order after those
 * {@code @JsonPropertyOrder} lists, plus methods marked {@code @JsonProperty} and bean getters, a
 * {@code @JsonValue} method instead of the properties, {@code @JsonIgnore}d ones left out, nulls
 * left out under {@code @JsonInclude(NON_NULL)} (or everywhere, for the API's bodies). Why: see
 * {@link RecordReader}; {@code CloudflareJsonParityTest} and {@code ResultFilesParityTest} write
 * the same values both ways.
 */
public final class RecordWriter {

  private static final JsonFactory FACTORY = new JsonFactory();

  /** A property: its member name, how to read it, whether a null is left out. */
  private record Property(String name, Method accessor, boolean skipNull) {}

  /** A type written as its {@code @JsonValue}, or as its properties. */
  private record Shape(Method jsonValue, List<Property> properties) {}

  private final JsonNaming naming;
  private final boolean nonNull;
  private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

  /**
   * @param nonNull nulls left out everywhere (properties and map values), as data binding's {@code
   *     setSerializationInclusion(NON_NULL)}; else only where {@code @JsonInclude} says so
   */
  public RecordWriter(JsonNaming naming, boolean nonNull) {
    this.naming = naming;
    this.nonNull = nonNull;
  }

  /** {@code value} as compact UTF-8 JSON. */
  public byte[] bytes(Object value) {
    var out = new ByteArrayOutputStream();
    try {
      write(out, value, false);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return out.toByteArray();
  }

  /** {@code value} as UTF-8 JSON, indented as data binding's {@code INDENT_OUTPUT} indents it. */
  public void write(OutputStream out, Object value, boolean indent) throws IOException {
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      if (indent) {
        generator.useDefaultPrettyPrinter();
      }
      write(generator, value);
    }
  }

  private void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      g.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof Double d) {
      g.writeNumber(d);
    } else if (value instanceof Float f) {
      g.writeNumber(f);
    } else if (value instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof JsonNode node) {
      tree(g, node);
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (var e : map.entrySet()) {
        if (e.getValue() == null && nonNull) {
          continue;
        }
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Collection<?> items) {
      g.writeStartArray();
      for (Object item : items) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof Object[] items) {
      write(g, Arrays.asList(items));
    } else if (value instanceof Enum<?> e) {
      g.writeString(e.name());
    } else {
      object(g, value);
    }
  }

  private void object(JsonGenerator g, Object value) throws IOException {
    Shape shape = shapes.computeIfAbsent(value.getClass(), this::shape);
    if (shape.jsonValue() != null) {
      write(g, invoke(shape.jsonValue(), value));
      return;
    }
    g.writeStartObject();
    for (Property property : shape.properties()) {
      Object v = invoke(property.accessor(), value);
      if (v == null && property.skipNull()) {
        continue;
      }
      g.writeFieldName(property.name());
      write(g, v);
    }
    g.writeEndObject();
  }

  private static Object invoke(Method accessor, Object target) {
    try {
      return accessor.invoke(target);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Reading " + accessor + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private Shape shape(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException("cannot write a " + type.getName() + " as JSON");
    }
    for (Method m : type.getDeclaredMethods()) {
      if (annotated(m, JsonValue.class) != null && m.getParameterCount() == 0) {
        m.setAccessible(true);
        return new Shape(m, List.of());
      }
    }
    boolean classNonNull = nonNull || includesNonNullOnly(type);
    var properties = new ArrayList<Property>();
    var accessors = new ArrayList<Method>();
    for (var c : type.getRecordComponents()) {
      Method accessor = c.getAccessor();
      accessors.add(accessor);
      var field = field(type, c.getName());
      if (annotated(accessor, JsonIgnore.class) == null
          && (field == null || field.getAnnotation(JsonIgnore.class) == null)) {
        properties.add(property(naming.name(c.getName(), accessor, field), accessor, classNonNull));
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      String implicit = extraPropertyName(m, accessors);
      if (implicit != null) {
        properties.add(property(naming.name(implicit, declarations(m)), m, classNonNull));
      }
    }
    return new Shape(null, ordered(type, properties));
  }

  private static Property property(String name, Method accessor, boolean classNonNull) {
    accessor.setAccessible(true);
    var include = annotated(accessor, JsonInclude.class);
    boolean skipNull =
        include == null ? classNonNull : include.value() == JsonInclude.Include.NON_NULL;
    return new Property(name, accessor, skipNull);
  }

  /** A method data binding writes besides the components: {@code @JsonProperty} or a getter. */
  private static String extraPropertyName(Method m, List<Method> accessors) {
    if (Modifier.isStatic(m.getModifiers())
        || m.getParameterCount() != 0
        || m.getReturnType() == void.class
        || m.isSynthetic()
        || accessors.contains(m)
        || annotated(m, JsonIgnore.class) != null) {
      return null;
    }
    if (annotated(m, JsonProperty.class) != null) {
      return m.getName();
    }
    if (!Modifier.isPublic(m.getModifiers())) {
      return null;
    }
    String name = m.getName();
    if (name.startsWith("get") && name.length() > 3 && !name.equals("getClass")) {
      return decapitalize(name.substring(3));
    }
    if (name.startsWith("is") && name.length() > 2 && m.getReturnType() == boolean.class) {
      return decapitalize(name.substring(2));
    }
    return null;
  }

  /** Jackson's legacy bean naming: the leading run of capitals lower-cased ("URLs" → "urls"). */
  private static String decapitalize(String name) {
    var chars = name.toCharArray();
    for (int i = 0; i < chars.length && Character.isUpperCase(chars[i]); i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }

  /** {@code @JsonPropertyOrder}'s names first, in its order; the others as they were. */
  private static List<Property> ordered(Class<?> type, List<Property> properties) {
    var order = type.getAnnotation(JsonPropertyOrder.class);
    if (order == null || order.value().length == 0) {
      return List.copyOf(properties);
    }
    var rest = new ArrayList<>(properties);
    var result = new ArrayList<Property>();
    for (String name : order.value()) {
      for (Iterator<Property> it = rest.iterator(); it.hasNext(); ) {
        Property p = it.next();
        if (p.name().equals(name)) {
          result.add(p);
          it.remove();
        }
      }
    }
    result.addAll(rest);
    return List.copyOf(result);
  }

  private static boolean includesNonNullOnly(Class<?> type) {
    var include = type.getAnnotation(JsonInclude.class);
    return include != null && include.value() == JsonInclude.Include.NON_NULL;
  }

  /** The method and the methods it overrides: data binding merges their annotations. */
  private static AnnotatedElement[] declarations(Method m) {
    var all = new ArrayList<AnnotatedElement>();
    all.add(m);
    for (Class<?> s : m.getDeclaringClass().getInterfaces()) {
      try {
        all.add(s.getMethod(m.getName()));
      } catch (NoSuchMethodException e) {
        // not declared there
      }
    }
    return all.toArray(AnnotatedElement[]::new);
  }

  private static <A extends Annotation> A annotated(Method m, Class<A> annotation) {
    for (var declaration : declarations(m)) {
      A found = declaration.getAnnotation(annotation);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static java.lang.reflect.Field field(Class<?> type, String name) {
    try {
      return type.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private void tree(JsonGenerator g, JsonNode node) throws IOException {
    if (node.isObject()) {
      g.writeStartObject();
      for (var it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        g.writeFieldName(e.getKey());
        tree(g, e.getValue());
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode item : node) {
        tree(g, item);
      }
      g.writeEndArray();
    } else if (node.isTextual()) {
      g.writeString(node.textValue());
    } else if (node.isBoolean()) {
      g.writeBoolean(node.booleanValue());
    } else if (node.isNumber()) {
      write(g, node.numberValue()); // as data binding: an IntNode as an int, a DoubleNode a double
    } else {
      g.writeNull();
    }
  }
}
