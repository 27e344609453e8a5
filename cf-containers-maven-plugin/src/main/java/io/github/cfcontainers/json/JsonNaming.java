package io.github.cfcontainers.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.AnnotatedElement;
import java.util.function.UnaryOperator;

/**
 * How a Java name becomes a JSON member name, as Jackson's data binding names it: an explicit
 * {@code @JsonProperty("...")} as written, else the implicit name through a naming strategy.
 */
public final class JsonNaming {

  /** Java names as they are (the result files). */
  public static final JsonNaming AS_WRITTEN = new JsonNaming(UnaryOperator.identity());

  /** {@code versionId} → {@code version_id} (the Cloudflare API). */
  public static final JsonNaming SNAKE_CASE = new JsonNaming(JsonNaming::snakeCase);

  private final UnaryOperator<String> implicit;

  private JsonNaming(UnaryOperator<String> implicit) {
    this.implicit = implicit;
  }

  /**
   * The member name of a property whose implicit (Java) name is {@code javaName}, declared by
   * {@code declarations} (accessor, field: the first {@code @JsonProperty} with a value wins).
   */
  String name(String javaName, AnnotatedElement... declarations) {
    for (var declaration : declarations) {
      var explicit = declaration == null ? null : declaration.getAnnotation(JsonProperty.class);
      if (explicit != null && !explicit.value().isEmpty()) {
        return explicit.value();
      }
    }
    return implicit.apply(javaName);
  }

  /**
   * Jackson's {@code PropertyNamingStrategies.SnakeCaseStrategy}: an underscore before each run of
   * upper-case letters (not at the start, not after one), all lower-cased; {@code JsonNamingTest}
   * checks every model name against Jackson's own.
   */
  static String snakeCase(String name) {
    var result = new StringBuilder(name.length() * 2);
    boolean previousUpper = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (i == 0 && c == '_') {
        continue; // a leading underscore is dropped
      }
      if (Character.isUpperCase(c)) {
        if (!previousUpper && result.length() > 0 && result.charAt(result.length() - 1) != '_') {
          result.append('_');
        }
        result.append(Character.toLowerCase(c));
        previousUpper = true;
      } else {
        result.append(c);
        previousUpper = false;
      }
    }
    return result.length() > 0 ? result.toString() : name;
  }
}
