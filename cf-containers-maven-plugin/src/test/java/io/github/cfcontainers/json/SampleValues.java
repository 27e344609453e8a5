package io.github.cfcontainers.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values of any record type made from its components alone, for tests that write or read the same
 * value two ways: every component filled ({@link #full}), or every component absent ({@link
 * #empty}). Interfaces are filled from {@code implementations}, in turn.
 */
public final class SampleValues {

  private final Map<Class<?>, List<Object>> implementations;
  private int counter;

  /**
   * @param implementations for each interface a record component may have, the values to use
   */
  public SampleValues(Map<Class<?>, List<Object>> implementations) {
    this.implementations = implementations;
  }

  /** A value of {@code type} with every component set (lists and maps of two). */
  public Object full(Type type) {
    return value(type, 0);
  }

  /** A record with every component null (or 0/false); null when its constructor refuses that. */
  public Object empty(Class<?> type) {
    var components = type.getRecordComponents();
    var values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Class<?> t = components[i].getType();
      values[i] =
          t == boolean.class
              ? false
              : t == int.class
                  ? 0
                  : t == long.class ? (Object) 0L : t == double.class ? (Object) 0d : null;
    }
    try {
      return construct(type, values);
    } catch (IllegalArgumentException refused) {
      return null;
    }
  }

  private Object value(Type type, int depth) {
    int n = ++counter;
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        return new ArrayList<>(List.of(value(args[0], depth + 1), value(args[0], depth + 1)));
      }
      if (Map.class.isAssignableFrom(raw)) {
        var map = new LinkedHashMap<String, Object>();
        map.put("k" + n, value(args[1], depth + 1));
        map.put("key_" + (n + 1), value(args[1], depth + 1));
        return map;
      }
      return value(raw, depth);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return "s" + n + (n % 3 == 0 ? " \"quoted\" é" : "");
    }
    if (c == Integer.class || c == int.class) {
      return n;
    }
    if (c == Long.class || c == long.class) {
      return 10_000_000_000L + n;
    }
    if (c == Double.class || c == double.class) {
      return n + 0.25;
    }
    if (c == Boolean.class || c == boolean.class) {
      return n % 2 == 0;
    }
    if (c == Object.class) {
      return n % 2 == 0 ? "o" + n : (Object) Map.of("nested", List.of(n, "x"));
    }
    if (JsonNode.class.isAssignableFrom(c)) {
      var node = JsonNodeFactory.instance.objectNode();
      node.put("a", n).put("b", "t" + n).putArray("c").add(true).add(1.5).addNull();
      return node;
    }
    if (c.isRecord()) {
      var components = c.getRecordComponents();
      var values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        values[i] = depth > 6 ? null : value(components[i].getGenericType(), depth + 1);
      }
      return construct(c, values);
    }
    var choices = implementations.get(c);
    if (choices != null) {
      return choices.get(n % choices.size());
    }
    throw new IllegalArgumentException("no sample for " + type.getTypeName());
  }

  private static Object construct(Class<?> type, Object[] values) {
    var components = type.getRecordComponents();
    var types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      Constructor<?> creator = type.getDeclaredConstructor(types);
      creator.setAccessible(true);
      return creator.newInstance(values);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(type + " refused the sample: " + e.getCause(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
