package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** {@code {"type":"plain_text","name":…,"text":…}}. */
@JsonPropertyOrder({"type", "name", "text"})
@JsonDeserialize
public record PlainTextBinding(String name, String text) implements WorkerBinding {

  public static final String TYPE = "plain_text";

  @Override
  @JsonProperty("type")
  public String type() {
    return TYPE;
  }
}
