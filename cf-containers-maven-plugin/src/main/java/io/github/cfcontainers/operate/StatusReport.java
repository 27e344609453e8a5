package io.github.cfcontainers.operate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cfcontainers.common.ResultFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What is deployed, written to {@code target/cf-containers/status.json} with the same content as
 * the printed lines.
 *
 * @param deployed false when neither the Worker nor any configured application exists
 * @param lines the lines printed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusReport(
    boolean deployed,
    boolean drift,
    Worker worker,
    List<Container> containers,
    List<String> lines) {

  public static final String FILE_NAME = "status.json";

  public StatusReport {
    containers = List.copyOf(containers);
    lines = List.copyOf(lines);
  }

  /**
   * @param drift what a deploy would do to the Worker (the upload plan), or null when nothing
   * @param driftUnknown why the Worker could not be compared, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Worker(
      String name,
      boolean exists,
      String versionId,
      String migrationTag,
      String url,
      String drift,
      String driftUnknown) {}

  /**
   * @param health {@code health.instances} counts by state
   * @param instanceStates instances-v2 counted by their {@code state}
   * @param drift "field: deployed -> configured" per field a deploy would change
   * @param imageDriftUnknown why the image could not be compared, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Container(
      String name,
      String className,
      String applicationId,
      String image,
      Map<String, Integer> health,
      Map<String, Integer> instanceStates,
      Rollout rollout,
      List<String> drift,
      String imageDriftUnknown) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Rollout(
      String id,
      String status,
      Integer currentStep,
      Integer totalSteps,
      Integer updatedInstances,
      Integer totalInstances) {}

  public Path write(Path outputDirectory) {
    return ResultFiles.writeJson(outputDirectory, FILE_NAME, this);
  }
}
