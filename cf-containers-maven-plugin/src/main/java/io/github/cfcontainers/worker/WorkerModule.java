package io.github.cfcontainers.worker;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One part of a Worker upload: its name (the multipart field and file name, e.g. {@code
 * worker.js}), its content type, its bytes (held in memory; Worker bundles are small) and the file
 * it was read from.
 *
 * @param name module name as uploaded, e.g. {@code worker.js} or {@code worker.js.map}
 * @param contentType e.g. {@link #ES_MODULE} or {@link #SOURCE_MAP}
 * @param bytes the content (copied on the way in and out)
 * @param path the file on disk holding the same bytes
 */
public record WorkerModule(String name, String contentType, byte[] bytes, Path path) {

  /** Content type of an ES module part. */
  public static final String ES_MODULE = "application/javascript+module";

  /** Content type of a source map part. */
  public static final String SOURCE_MAP = "application/source-map";

  public WorkerModule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(path, "path");
    bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkerModule m
        && name.equals(m.name)
        && contentType.equals(m.contentType)
        && Arrays.equals(bytes, m.bytes)
        && path.equals(m.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, contentType, Arrays.hashCode(bytes), path);
  }

  @Override
  public String toString() {
    return "WorkerModule[name="
        + name
        + ", contentType="
        + contentType
        + ", size="
        + bytes.length
        + ", path="
        + path
        + "]";
  }
}
