package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Setting;
import java.io.File;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;

/**
 * Makes {@code -D} beat the POM for every property in {@link CfProperties#FIELDS}: the session's
 * user properties ({@code -D}, {@code .mvn/maven.config}) first, then system properties ({@code
 * MAVEN_OPTS}). Project properties are not read: they are the POM too.
 */
final class CommandLineOverrides {

  private final Properties user;
  private final Properties system;
  private final Map<String, String> fields;

  CommandLineOverrides(Properties user, Properties system, Map<String, String> fields) {
    this.user = user == null ? new Properties() : user;
    this.system = system == null ? new Properties() : system;
    this.fields = Map.copyOf(fields);
  }

  static CommandLineOverrides of(MavenSession session) {
    return new CommandLineOverrides(
        session.getUserProperties(), session.getSystemProperties(), CfProperties.FIELDS);
  }

  /** The property's value from the command line; a blank one counts as absent. */
  Optional<String> value(String property) {
    String value = user.getProperty(property);
    if (value == null) {
      value = system.getProperty(property);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /**
   * Sets each mojo field whose property is on the command line; relative files resolve against the
   * project directory, as Maven does. A mojo without the field (cf:build has no accountId) is left
   * alone. Returns what was set, for a debug line (no property holds a secret).
   */
  List<String> apply(Object mojo, File baseDirectory) {
    var applied = new ArrayList<String>();
    fields.forEach(
        (property, fieldName) ->
            value(property)
                .ifPresent(
                    value -> {
                      Field field = field(mojo.getClass(), fieldName);
                      if (field != null) {
                        set(
                            mojo,
                            field,
                            convert(property, fieldName, field.getType(), value, baseDirectory));
                        applied.add("-D" + property + "=" + value + " (beats <" + fieldName + ">)");
                      }
                    }));
    applied.sort(null);
    return applied;
  }

  private static Object convert(
      String property, String element, Class<?> type, String value, File base) {
    if (type == boolean.class || type == Boolean.class) {
      if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(value);
      }
      throw new InvalidSettingException(
          Setting.of(element).withProperty(property),
          "-D" + property + "=" + value + " is neither true nor false.",
          "pass -D" + property + "=true or -D" + property + "=false");
    }
    if (type == String.class) {
      return value;
    }
    if (type == File.class) {
      File file = new File(value);
      return file.isAbsolute() || base == null ? file : new File(base, value);
    }
    throw new IllegalStateException("No conversion of -D" + property + " to " + type.getName());
  }

  private static Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }

  private static void set(Object mojo, Field field, Object value) {
    try {
      field.setAccessible(true);
      field.set(mojo, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot set " + field + " from the command line", e);
    }
  }
}
