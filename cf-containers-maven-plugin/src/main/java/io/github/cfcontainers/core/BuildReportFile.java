package io.github.cfcontainers.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code build.json}. */
public final class BuildReportFile {

  public static final String FILE_NAME = "build.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BuildReportFile() {
  }

  public static Path write(Path outputDirectory, BuildReport report) {
    Path file = outputDirectory.resolve(FILE_NAME);
    try {
      Files.createDirectories(outputDirectory);
      JSON.writeValue(file.toFile(), report);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public static BuildReport read(Path outputDirectory) {
    Path file = outputDirectory.resolve(FILE_NAME);
    try {
      return JSON.readValue(file.toFile(), BuildReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
