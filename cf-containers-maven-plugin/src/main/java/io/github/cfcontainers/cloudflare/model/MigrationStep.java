package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One migration step (also the flat form's class lists). Container classes must be SQLite-backed:
 * {@link #newSqliteClasses(String...)}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MigrationStep(
    List<String> newClasses,
    List<String> newSqliteClasses,
    List<String> deletedClasses,
    List<RenamedClass> renamedClasses,
    List<TransferredClass> transferredClasses) {

  public static MigrationStep newSqliteClasses(String... classes) {
    return new MigrationStep(null, List.of(classes), null, null, null);
  }

  public static MigrationStep deletedClasses(String... classes) {
    return new MigrationStep(null, null, List.of(classes), null, null);
  }

  public static MigrationStep renamedClasses(RenamedClass... renames) {
    return new MigrationStep(null, null, null, List.of(renames), null);
  }
}
