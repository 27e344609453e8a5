package io.github.cfcontainers.cloudflare.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One module part of a Worker upload. The part's field name and filename are both {@link #name()};
 * its content type is sent byte-exact (no charset parameter is added).
 */
public final class WorkerModule {

  public static final String ES_MODULE = "application/javascript+module";
  public static final String SOURCE_MAP = "application/source-map";
  public static final String TEXT = "text/plain";
  public static final String WASM = "application/wasm";

  private final String name;
  private final String contentType;
  private final byte[] content;

  public WorkerModule(String name, String contentType, byte[] content) {
    this.name = requireSafeName(name);
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.content = Objects.requireNonNull(content, "content").clone();
  }

  public static WorkerModule esModule(String name, String source) {
    return new WorkerModule(name, ES_MODULE, source.getBytes(StandardCharsets.UTF_8));
  }

  public static WorkerModule esModule(String name, byte[] source) {
    return new WorkerModule(name, ES_MODULE, source);
  }

  public static WorkerModule sourceMap(String name, byte[] map) {
    return new WorkerModule(name, SOURCE_MAP, map);
  }

  public String name() {
    return name;
  }

  public String contentType() {
    return contentType;
  }

  public byte[] content() {
    return content.clone();
  }

  /** The content without a copy, for the client that streams it; callers must not modify it. */
  public byte[] contentUnsafe() {
    return content;
  }

  private static String requireSafeName(String name) {
    Objects.requireNonNull(name, "module name");
    if (name.isBlank()
        || name.chars().anyMatch(c -> c == '"' || c == '\r' || c == '\n' || c < 0x20)) {
      throw new IllegalArgumentException(
          "Invalid module name (blank, quote or control character): " + name);
    }
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkerModule m
        && m.name.equals(name)
        && m.contentType.equals(contentType)
        && Arrays.equals(m.content, content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, contentType, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "WorkerModule[" + name + ", " + contentType + ", " + content.length + " bytes]";
  }
}
