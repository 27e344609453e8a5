package io.github.cfcontainers.worker;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file of the Worker bundle as the bundler wrote it: its name, the content type it will be
 * uploaded as, its bytes (held in memory; Worker bundles are small) and its path. The upload reads
 * the files again in cf:deploy, as cloudflare.model.WorkerModule parts (the wire view).
 *
 * @param name module name as uploaded, e.g. {@code worker.js} or {@code worker.js.map}
 * @param contentType e.g. {@link #ES_MODULE} or {@link #SOURCE_MAP}
 * @param bytes the content (copied on the way in and out)
 * @param path the file on disk holding the same bytes
 */
public record BundleFile(String name, String contentType, byte[] bytes, Path path) {

  /** Content type of an ES module part. */
  public static final String ES_MODULE = "application/javascript+module";

  /** Content type of a source map part. */
  public static final String SOURCE_MAP = "application/source-map";

  public BundleFile {
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
    return o instanceof BundleFile m
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
    return "BundleFile[name="
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
