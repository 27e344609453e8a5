package io.github.cfcontainers.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON into records with Jackson's streaming parser alone, read the way Jackson's data binding
 * reads them with the settings this plugin uses: members by name ({@link JsonNaming}), unknown ones
 * ignored, missing or null ones null (false, 0 for primitives), scalars coerced as data binding
 * does (a number into a String, "12" into an Integer, 1.5 into an int). Why: data binding costs a
 * cold JVM ~400 classes and a sixth of a second before its first read, more than an unchanged build
 * or deploy spends on everything else. {@code CloudflareJsonParityTest} and {@code
 * StreamingJsonTest} read the same texts both ways.
 *
 * <p>Values may be records of such values, String, Boolean, Integer, Long, Double (or their
 * primitives), List, Map with String keys, {@link JsonNode} (null read as {@link NullNode}, as data
 * binding does), Object (maps, lists, strings, numbers, booleans), or a type with a {@link Special}
 * reader.
 */
public final class RecordReader {

  /** Reads a type data binding reads with a deserializer of its own. */
  @FunctionalInterface
  public interface Special {
    /** Called with the parser at the value's first token. */
    Object read(JsonParser parser) throws IOException;
  }

  /** A record type's members and canonical constructor. */
  private record Shape(
      Map<String, Integer> indexByName, RecordComponent[] components, Constructor<?> creator) {}

  private final JsonNaming naming;
  private final Map<Class<?>, Special> specials;
  private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

  public RecordReader(JsonNaming naming, Map<Class<?>, Special> specials) {
    this.naming = naming;
    this.specials = Map.copyOf(specials);
  }

  /** The value at the parser's current token, as {@code type}. */
  public Object read(JsonParser parser, Type type) throws IOException {
    return value(parser, type, Map.of());
  }

  /** A JSON value as a tree, the way data binding builds one. */
  public static JsonNode tree(JsonParser parser) throws IOException {
    var nodes = JsonNodeFactory.instance;
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        var object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, tree(parser));
        }
        return object;
      case START_ARRAY:
        var array = nodes.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(tree(parser));
        }
        return array;
      case VALUE_STRING:
        return nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return nodes.numberNode(parser.getIntValue());
          case LONG:
            return nodes.numberNode(parser.getLongValue());
          default:
            return nodes.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return nodes.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        throw mismatch(parser, token, JsonNode.class);
    }
  }

  /** A JSON value as plain Java values, as data binding reads one into {@code Object}. */
  public static Object natural(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        var map = new LinkedHashMap<String, Object>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, natural(parser));
        }
        return map;
      case START_ARRAY:
        var list = new ArrayList<Object>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(natural(parser));
        }
        return list;
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue(); // Integer, Long or BigInteger, the smallest that holds it
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw mismatch(parser, token, Object.class);
    }
  }

  private Object value(JsonParser parser, Type type, Map<TypeVariable<?>, Type> bound)
      throws IOException {
    if (type instanceof TypeVariable<?> variable) {
      return value(parser, bound.getOrDefault(variable, Object.class), bound);
    }
    JsonToken token = parser.currentToken();
    Class<?> raw = raw(type);
    if (JsonNode.class.isAssignableFrom(raw)) {
      return token == JsonToken.VALUE_NULL ? NullNode.getInstance() : tree(parser);
    }
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    var special = specials.get(raw);
    if (special != null) {
      return special.read(parser);
    }
    if (raw == Object.class) {
      return natural(parser);
    }
    if (raw == String.class) {
      if (token.isScalarValue()) {
        return parser.getText();
      }
    } else if (raw == Boolean.class || raw == boolean.class) {
      return bool(parser, token, raw);
    } else if (raw == Integer.class || raw == int.class) {
      Long n = integral(parser, token, raw);
      if (n == null) {
        return null;
      }
      if (n != n.intValue()) {
        throw new JsonParseException(parser, "number " + n + " out of range for an int");
      }
      return n.intValue();
    } else if (raw == Long.class || raw == long.class) {
      return integral(parser, token, raw);
    } else if (raw == Double.class || raw == double.class) {
      return decimal(parser, token, raw);
    } else if (List.class == raw || Collection.class == raw) {
      if (token == JsonToken.START_ARRAY) {
        Type element = argument(type, 0);
        var list = new ArrayList<Object>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(parser, element, bound));
        }
        return list; // mutable, as data binding makes it
      }
    } else if (Map.class == raw) {
      if (token == JsonToken.START_OBJECT && argument(type, 0) == String.class) {
        Type element = argument(type, 1);
        var map = new LinkedHashMap<String, Object>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, value(parser, element, bound));
        }
        return map;
      }
    } else if (raw.isRecord()) {
      if (token == JsonToken.START_OBJECT) {
        return record(parser, raw, bindings(type, raw));
      }
    } else {
      throw new JsonParseException(parser, "cannot read a " + type.getTypeName() + " from JSON");
    }
    throw mismatch(parser, token, raw);
  }

  private Object record(JsonParser parser, Class<?> type, Map<TypeVariable<?>, Type> bound)
      throws IOException {
    Shape shape = shapes.computeIfAbsent(type, this::shape);
    RecordComponent[] components = shape.components();
    Object[] values = new Object[components.length];
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      Integer index = shape.indexByName().get(parser.currentName());
      parser.nextToken();
      if (index == null) {
        parser.skipChildren();
      } else {
        values[index] = value(parser, components[index].getGenericType(), bound);
      }
    }
    for (int i = 0; i < components.length; i++) {
      if (values[i] == null && components[i].getType().isPrimitive()) {
        values[i] = primitiveDefault(components[i].getType());
      }
    }
    try {
      return shape.creator().newInstance(values);
    } catch (InvocationTargetException e) {
      throw new JsonParseException(
          parser, "invalid " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new JsonParseException(parser, "cannot make a " + type.getSimpleName() + ": " + e, e);
    }
  }

  private static Object primitiveDefault(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == double.class) {
      return 0d;
    }
    return 0;
  }

  private Shape shape(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    var indexByName = new HashMap<String, Integer>();
    var types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      var c = components[i];
      indexByName.put(naming.name(c.getName(), c.getAccessor(), field(type, c.getName())), i);
      types[i] = c.getType();
    }
    try {
      Constructor<?> creator = type.getDeclaredConstructor(types);
      creator.setAccessible(true);
      return new Shape(indexByName, components, creator);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no canonical constructor", e);
    }
  }

  private static java.lang.reflect.Field field(Class<?> type, String name) {
    try {
      return type.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  /** "" and "null" in a string are null (0 or false for a primitive), as in data binding. */
  private static boolean nullText(String text) {
    return text.isEmpty() || text.equals("null");
  }

  private static Boolean bool(JsonParser parser, JsonToken token, Class<?> raw) throws IOException {
    if (token.isBoolean()) {
      return parser.getBooleanValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText().trim();
      switch (text) {
        case "true", "True", "TRUE":
          return true;
        case "false", "False", "FALSE":
          return false;
        default:
          if (nullText(text)) {
            return raw.isPrimitive() ? false : null;
          }
      }
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          || parser.getLongValue() != 0;
    }
    throw mismatch(parser, token, raw);
  }

  /** An integer from a JSON number (a fraction truncated) or a numeric string; "" is null. */
  private static Long integral(JsonParser parser, JsonToken token, Class<?> raw)
      throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT) {
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw outOfRange(parser, parser.getText(), raw);
      }
      return parser.getLongValue();
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      double d = parser.getDoubleValue();
      if (!(d >= Long.MIN_VALUE && d <= Long.MAX_VALUE)) {
        throw outOfRange(parser, parser.getText(), raw);
      }
      return (long) d;
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText().trim();
      if (nullText(text)) {
        return raw.isPrimitive() ? 0L : null;
      }
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new JsonParseException(
            parser, "unexpected VALUE_STRING \"" + text + "\" for a " + raw.getSimpleName(), e);
      }
    }
    throw mismatch(parser, token, raw);
  }

  private static Double decimal(JsonParser parser, JsonToken token, Class<?> raw)
      throws IOException {
    if (token.isNumeric()) {
      return parser.getDoubleValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText().trim();
      if (nullText(text)) {
        return raw.isPrimitive() ? 0d : null;
      }
      switch (text) {
        case "INF", "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-INF", "-Infinity":
          return Double.NEGATIVE_INFINITY;
        case "NaN":
          return Double.NaN;
        default:
          try {
            // as data binding: a boxed Double takes plain numbers only, a double "1d" and "0x1p3"
            if (!raw.isPrimitive() && !NumberInput.looksLikeValidNumber(text)) {
              throw new NumberFormatException(text);
            }
            return Double.parseDouble(text);
          } catch (NumberFormatException e) {
            throw new JsonParseException(
                parser, "unexpected VALUE_STRING \"" + text + "\" for a " + raw.getSimpleName(), e);
          }
      }
    }
    throw mismatch(parser, token, raw);
  }

  private static JsonParseException outOfRange(JsonParser parser, String number, Class<?> raw) {
    return new JsonParseException(
        parser, "number " + number + " out of range for a " + raw.getSimpleName());
  }

  private static JsonParseException mismatch(JsonParser parser, JsonToken token, Class<?> type) {
    return new JsonParseException(
        parser, "unexpected " + token + " for a " + type.getSimpleName() + " value");
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class; // wildcards and the like: read as data binding would read Object
  }

  private static Type argument(Type type, int index) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
  }

  /** {@code ApiEnvelope<List<X>>}: T is List<X> inside. */
  private static Map<TypeVariable<?>, Type> bindings(Type type, Class<?> raw) {
    if (!(type instanceof ParameterizedType p)) {
      return Map.of();
    }
    var variables = raw.getTypeParameters();
    var map = new HashMap<TypeVariable<?>, Type>();
    for (int i = 0; i < variables.length; i++) {
      map.put(variables[i], p.getActualTypeArguments()[i]);
    }
    return map;
  }
}
