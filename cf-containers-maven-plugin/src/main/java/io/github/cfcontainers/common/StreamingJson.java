package io.github.cfcontainers.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few JSON reads on cf:build's unchanged path (build.json, esbuild's metafile, the engine's
 * image id) with Jackson's streaming parser alone. Jackson's data binding costs a cold JVM ~500
 * classes and a fifth of a second before its first read, more than the whole rest of an unchanged
 * build; the writers, and the API client, keep data binding.
 */
public final class StreamingJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private StreamingJson() {}

  /**
   * A JSON object as a record, the way Jackson's data binding reads it with default settings:
   * fields by component name, unknown fields ignored, missing or null ones null (false, 0 for
   * primitives). Components may be String, boolean, int, long (boxed or not), List or Map (with
   * String keys) of those, or records of the same kind.
   */
  public static <T extends Record> T readRecord(Path file, Class<T> type) throws IOException {
    try (JsonParser parser = FACTORY.createParser(Files.newInputStream(file))) {
      parser.nextToken();
      Object value = value(parser, type);
      if (value == null) {
        throw new IOException(file + " holds null, not a JSON object");
      }
      return type.cast(value);
    }
  }

  /** The names of the members of the top-level object's {@code field} object, in file order. */
  public static List<String> memberNames(Path file, String field) throws IOException {
    try (JsonParser parser = FACTORY.createParser(Files.newInputStream(file))) {
      var names = new ArrayList<String>();
      if (atField(parser, field) && parser.nextToken() == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          names.add(parser.currentName());
          parser.nextToken();
          parser.skipChildren();
        }
      }
      return names;
    }
  }

  /** The top-level object's string {@code field}, if it has one. */
  public static Optional<String> topLevelString(String json, String field) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (atField(parser, field) && parser.nextToken() == JsonToken.VALUE_STRING) {
        return Optional.of(parser.getText());
      }
      return Optional.empty();
    }
  }

  /** Moves to the top-level object's {@code field}; false when there is none. */
  private static boolean atField(JsonParser parser, String field) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException("not a JSON object");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      if (parser.currentName().equals(field)) {
        return true;
      }
      parser.nextToken();
      parser.skipChildren();
    }
    return false;
  }

  private static Object value(JsonParser parser, Type type) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (type instanceof ParameterizedType generic) {
      Type raw = generic.getRawType();
      Type[] args = generic.getActualTypeArguments();
      if (raw == List.class && token == JsonToken.START_ARRAY) {
        var list = new ArrayList<Object>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(parser, args[0]));
        }
        return Collections.unmodifiableList(list);
      }
      if (raw == Map.class && args[0] == String.class && token == JsonToken.START_OBJECT) {
        var map = new LinkedHashMap<String, Object>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, value(parser, args[1]));
        }
        return Collections.unmodifiableMap(map);
      }
    } else if (type == String.class && token == JsonToken.VALUE_STRING) {
      return parser.getText();
    } else if ((type == boolean.class || type == Boolean.class) && token.isBoolean()) {
      return parser.getBooleanValue();
    } else if ((type == long.class || type == Long.class) && token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    } else if ((type == int.class || type == Integer.class)
        && token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getIntValue();
    } else if (type instanceof Class<?> c && c.isRecord() && token == JsonToken.START_OBJECT) {
      return record(parser, c);
    }
    throw new IOException(
        "unexpected " + token + " for " + type.getTypeName() + " at " + parser.currentLocation());
  }

  private static Object record(JsonParser parser, Class<?> type) throws IOException {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      int index = indexOf(components, name);
      if (index < 0) {
        parser.skipChildren();
      } else {
        values[index] = value(parser, components[index].getGenericType());
      }
    }
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      if (values[i] == null && types[i].isPrimitive()) {
        values[i] = primitiveDefault(types[i]);
      }
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (InvocationTargetException e) {
      throw new IOException("invalid " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IOException("cannot make a " + type.getSimpleName() + ": " + e, e);
    }
  }

  private static Object primitiveDefault(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == long.class) {
      return 0L;
    }
    return 0;
  }

  private static int indexOf(RecordComponent[] components, String name) {
    for (int i = 0; i < components.length; i++) {
      if (components[i].getName().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
