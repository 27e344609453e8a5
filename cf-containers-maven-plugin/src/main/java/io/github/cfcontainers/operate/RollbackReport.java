package io.github.cfcontainers.operate;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cfcontainers.common.ResultFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * What cf:rollback planned and did, written to {@code target/cf-containers/rollback.json}.
 *
 * @param applied false for -Dcf.dryRun
 * @param complete false when an application's rollback failed (the ones before it are rolled back)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollbackReport(boolean applied, boolean complete, List<Application> applications) {

  public static final String FILE_NAME = "rollback.json";

  public RollbackReport {
    applications = List.copyOf(applications);
  }

  /**
   * @param outcome planned | rolled_back | failed | not_reached
   * @param rolloutId the rollback's rollout, once started
   * @param rolloutStatus its last known status (completed when -Dcf.wait saw it through)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Application(
      RollbackPlan.Item plan, String outcome, String rolloutId, String rolloutStatus) {}

  public Path write(Path outputDirectory) {
    return ResultFiles.writeJson(outputDirectory, FILE_NAME, this);
  }
}
