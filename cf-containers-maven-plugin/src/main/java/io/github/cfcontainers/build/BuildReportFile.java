package io.github.cfcontainers.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.ResultFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and writes {@code build.json}. */
public final class BuildReportFile {

  public static final String FILE_NAME = "build.json";

  private BuildReportFile() {}

  /** Writes build.json unless it holds this report already, byte for byte; whether it wrote. */
  public static boolean writeIfChanged(Path outputDirectory, BuildReport report) {
    return ResultFiles.writeJsonIfChanged(outputDirectory, FILE_NAME, report);
  }

  public static BuildReport read(Path outputDirectory) {
    Path file = outputDirectory.resolve(FILE_NAME);
    try {
      return ResultFiles.read(file, BuildReport.class);
    } catch (IOException e) {
      // A truncated or hand-edited file is the user's to fix, not a crash: say how to rewrite it.
      String reason =
          e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
      throw new CfException(
          "Cannot read "
              + file
              + " ("
              + reason
              + "): run 'mvn package' (which runs cf:build)"
              + " again to rewrite it.",
          e);
    }
  }
}
