package io.github.cfcontainers.cloudflare.model;

import java.util.List;

/**
 * One migration step (also the flat form's class lists). Container classes must be SQLite-backed:
 * {@link #newSqliteClasses(String...)}.
 */
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
