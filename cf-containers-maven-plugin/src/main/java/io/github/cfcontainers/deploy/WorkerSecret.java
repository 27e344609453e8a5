package io.github.cfcontainers.deploy;

import java.util.Objects;

/**
 * A Worker secret ({@code <worker><secrets>}): uploaded as a {@code secret_text} binding, never
 * printed, never written to a file. Goals that upload nothing (cf:types, cf:status) carry it
 * without a value.
 *
 * @param name the binding name ({@code env.<name>})
 * @param source where the value comes from, for messages: "environment API_KEY", "settings.xml
 *     server 'x'"
 * @param value the value, or null when the goal does not need it
 */
public record WorkerSecret(String name, String source, String value) {

  public WorkerSecret {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }

  public static WorkerSecret withoutValue(String name, String source) {
    return new WorkerSecret(name, source, null);
  }

  @Override
  public String toString() {
    return "WorkerSecret[name="
        + name
        + ", source="
        + source
        + ", value="
        + (value == null ? "none" : "[REDACTED]")
        + "]";
  }
}
