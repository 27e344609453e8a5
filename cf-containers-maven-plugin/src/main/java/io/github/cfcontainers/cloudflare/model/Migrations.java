package io.github.cfcontainers.cloudflare.model;

import java.util.List;

/**
 * The upload metadata's {@code migrations}, in the steps form {@code
 * {"old_tag":…,"new_tag":…,"steps":[…]}} ({@link #ofSteps}) or the flat form {@code
 * {"old_tag","new_tag","new_sqlite_classes",…}} ({@link #flat}). {@code old_tag} must equal the
 * Worker's current tag (null for a new Worker); send only pending steps.
 */
public record Migrations(
    String oldTag,
    String newTag,
    List<MigrationStep> steps,
    List<String> newClasses,
    List<String> newSqliteClasses,
    List<String> deletedClasses,
    List<RenamedClass> renamedClasses,
    List<TransferredClass> transferredClasses) {

  public static Migrations ofSteps(String oldTag, String newTag, List<MigrationStep> steps) {
    return new Migrations(oldTag, newTag, List.copyOf(steps), null, null, null, null, null);
  }

  public static Migrations flat(String oldTag, String newTag, MigrationStep changes) {
    return new Migrations(
        oldTag,
        newTag,
        null,
        changes.newClasses(),
        changes.newSqliteClasses(),
        changes.deletedClasses(),
        changes.renamedClasses(),
        changes.transferredClasses());
  }
}
