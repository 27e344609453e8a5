package io.github.cfcontainers.core.operate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a destroy did, written to {@code target/cf-containers/destroy.json}.
 *
 * @param applied false for {@code -Dcf.dryRun}
 * @param complete false when a delete failed midway (run cf:destroy again to finish)
 * @param resources one entry per application and the Worker, in the order they were handled
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DestroyReport(String worker, boolean applied, boolean complete, List<Resource> resources) {

  public static final String FILE_NAME = "destroy.json";

  public DestroyReport {
    resources = List.copyOf(resources);
  }

  /**
   * @param kind {@code application} or {@code worker}
   * @param outcome {@code deleted}, {@code already_absent}, {@code planned}, {@code kept} or {@code failed}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Resource(String kind, String name, String id, String outcome) {
  }

  public Path write(Path outputDirectory) {
    Path file = outputDirectory.resolve(FILE_NAME);
    try {
      Files.createDirectories(outputDirectory);
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
