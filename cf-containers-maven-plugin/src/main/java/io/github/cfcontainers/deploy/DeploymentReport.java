package io.github.cfcontainers.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cfcontainers.common.ResultFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * What a deploy did (or, for a plan, would do), written to {@code
 * target/cf-containers/deployment.json}.
 *
 * @param applied false for {@code cf:plan} / {@code -Dcf.dryRun}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentReport(boolean applied, Worker worker, List<Container> containers) {

  public static final String FILE_NAME = "deployment.json";

  public DeploymentReport {
    containers = List.copyOf(containers);
  }

  /**
   * @param versionId the uploaded version; null when the upload was skipped as unchanged
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Worker(String name, String action, String versionId, String url) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Container(
      String name,
      String className,
      String applicationId,
      String image,
      String imageAction,
      String action,
      List<String> changes,
      String rolloutId,
      Built built) {}

  /**
   * The local image (build.json's id) that {@code image} is, pushed under {@code reference}: lets
   * the next deploy skip the registry, the credentials and the engine while it is still deployed.
   */
  public record Built(String reference, String imageId) {}

  public Path write(Path outputDirectory) {
    return ResultFiles.writeJson(outputDirectory, FILE_NAME, this);
  }
}
