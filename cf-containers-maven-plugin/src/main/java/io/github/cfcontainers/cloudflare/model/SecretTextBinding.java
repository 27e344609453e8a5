package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code {"type":"secret_text","name":…,"text":…}}. Answers (settings) carry no {@code text}.
 * {@link #toString()} never shows the text.
 */
@JsonPropertyOrder({"type", "name", "text"})
@JsonDeserialize
public record SecretTextBinding(String name, String text) implements WorkerBinding {

  public static final String TYPE = "secret_text";

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }

  @Override
  public String toString() {
    return "SecretTextBinding[name="
        + name
        + ", text="
        + (text == null ? "null" : "[REDACTED]")
        + "]";
  }
}
