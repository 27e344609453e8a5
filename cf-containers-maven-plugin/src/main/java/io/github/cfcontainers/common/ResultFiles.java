package io.github.cfcontainers.common;

import io.github.cfcontainers.json.JsonNaming;
import io.github.cfcontainers.json.RecordWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The JSON result files under {@code target/cf-containers/} that CI jobs read: one way to write
 * them.
 */
public final class ResultFiles {

  /** Java names; nulls left out where the report's {@code @JsonInclude} says so. */
  private static final RecordWriter WRITER = new RecordWriter(JsonNaming.AS_WRITTEN, false);

  private ResultFiles() {}

  /**
   * Writes {@code value} as indented JSON, byte for byte as data binding with {@code INDENT_OUTPUT}
   * would (see {@link RecordWriter}), to {@code outputDirectory/fileName}; returns the file.
   */
  public static Path writeJson(Path outputDirectory, String fileName, Object value) {
    Path file = outputDirectory.resolve(fileName);
    try {
      Files.createDirectories(outputDirectory);
      Files.write(file, bytes(value));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * As {@link #writeJson}, but leaves the file alone when it holds these very bytes already (its
   * time stamp then tells when it last changed); whether it wrote.
   */
  public static boolean writeJsonIfChanged(Path outputDirectory, String fileName, Object value) {
    Path file = outputDirectory.resolve(fileName);
    try {
      byte[] json = bytes(value);
      if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), json)) {
        return false;
      }
      Files.createDirectories(outputDirectory);
      Files.write(file, json);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a result file written by {@link #writeJson} (with Jackson's streaming parser only: see
   * {@link StreamingJson}).
   */
  public static <T extends Record> T read(Path file, Class<T> type) throws IOException {
    return StreamingJson.readRecord(file, type);
  }

  private static byte[] bytes(Object value) throws IOException {
    var bytes = new ByteArrayOutputStream();
    WRITER.write(bytes, value, true);
    return bytes.toByteArray();
  }
}
