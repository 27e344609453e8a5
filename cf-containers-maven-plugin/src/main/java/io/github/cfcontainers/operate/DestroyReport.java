package io.github.cfcontainers.operate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cfcontainers.common.ResultFiles;
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
public record DestroyReport(
    String worker, boolean applied, boolean complete, List<Resource> resources) {

  public static final String FILE_NAME = "destroy.json";

  public DestroyReport {
    resources = List.copyOf(resources);
  }

  /**
   * @param kind {@code application}, {@code worker} or {@code image} (name {@code
   *     <account>/<name>:<tag>}, id its digest)
   * @param outcome {@code deleted}, {@code already_absent}, {@code planned}, {@code kept} or {@code
   *     failed}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Resource(String kind, String name, String id, String outcome) {}

  public Path write(Path outputDirectory) {
    return ResultFiles.writeJson(outputDirectory, FILE_NAME, this);
  }
}
