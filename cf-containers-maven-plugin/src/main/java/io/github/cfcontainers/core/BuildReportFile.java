package io.github.cfcontainers.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads and writes {@code build.json}. */
public final class BuildReportFile {

  public static final String FILE_NAME = "build.json";

  private BuildReportFile() {
  }

  public static Path write(Path outputDirectory, BuildReport report) {
    return ResultFiles.writeJson(outputDirectory, FILE_NAME, report);
  }

  public static BuildReport read(Path outputDirectory) {
    Path file = outputDirectory.resolve(FILE_NAME);
    try {
      return ResultFiles.JSON.readValue(file.toFile(), BuildReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
