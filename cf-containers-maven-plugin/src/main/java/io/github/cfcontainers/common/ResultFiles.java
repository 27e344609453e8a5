package io.github.cfcontainers.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON result files under {@code target/cf-containers/} that CI jobs read: one way to write
 * them.
 */
public final class ResultFiles {

  /** Made at the first write only: a read must not pay for data binding (see StreamingJson). */
  private static final class Writer {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private ResultFiles() {}

  /**
   * Writes {@code value} as indented JSON to {@code outputDirectory/fileName}; returns the file.
   */
  public static Path writeJson(Path outputDirectory, String fileName, Object value) {
    Path file = outputDirectory.resolve(fileName);
    try {
      Files.createDirectories(outputDirectory);
      Writer.JSON.writeValue(file.toFile(), value);
      return file;
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
}
