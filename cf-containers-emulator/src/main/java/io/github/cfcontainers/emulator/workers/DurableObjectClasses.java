package io.github.cfcontainers.emulator.workers;

import static io.github.cfcontainers.emulator.workers.UploadParts.optionalArray;
import static io.github.cfcontainers.emulator.workers.UploadParts.requireArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.state.EmulatorState;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A script's Durable Object classes while an upload is worked out: the upload's migrations (tag
 * precondition, new/renamed/deleted classes) and its {@code containers} entries, applied to drafts
 * that become namespaces only when every check has passed.
 */
final class DurableObjectClasses {
  private static final Set<String> MIGRATION_FIELDS =
      Set.of(
          "old_tag",
          "new_tag",
          "steps",
          "new_classes",
          "new_sqlite_classes",
          "deleted_classes",
          "renamed_classes",
          "transferred_classes");
  private static final Set<String> STEP_FIELDS =
      Set.of(
          "new_classes",
          "new_sqlite_classes",
          "deleted_classes",
          "renamed_classes",
          "transferred_classes");

  /** A namespace while the upload is being worked out: existing ones keep their id. */
  record Draft(
      String id, String className, boolean sqlite, boolean containers, boolean createdNow) {}

  private DurableObjectClasses() {}

  static String applyMigrations(JsonNode m, String currentTag, Map<String, Draft> drafts) {
    if (!m.isObject()) throw ApiException.validation("metadata.migrations must be an object");
    for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!MIGRATION_FIELDS.contains(f))
        throw ApiException.validation("Unknown migrations field '" + f + "'");
    }
    String oldTag = m.hasNonNull("old_tag") ? m.get("old_tag").asText() : null;
    if (!Objects.equals(oldTag, currentTag)) {
      throw ApiException.workers(
          10079,
          "Migration tag precondition failed; current tag is "
              + (currentTag == null ? "empty" : "'" + currentTag + "'")
              + " but old_tag is "
              + (oldTag == null ? "empty" : "'" + oldTag + "'"));
    }
    String newTag = m.path("new_tag").asText("");
    if (newTag.isEmpty()) throw ApiException.validation("migrations.new_tag is required");
    if (newTag.equals(currentTag)) {
      throw ApiException.workers(10079, "Migration tag '" + newTag + "' has already been applied");
    }
    if (m.has("steps")) {
      for (String f : STEP_FIELDS) {
        if (m.has(f))
          throw ApiException.validation(
              "migrations: use either 'steps' or the flat form, not both");
      }
      for (JsonNode step : requireArray(m, "steps")) applyStep(step, drafts);
    } else {
      applyStep(m, drafts);
    }
    return newTag;
  }

  private static void applyStep(JsonNode step, Map<String, Draft> drafts) {
    for (Iterator<String> it = step.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!STEP_FIELDS.contains(f) && !f.equals("old_tag") && !f.equals("new_tag")) {
        throw ApiException.validation("Unknown migration step field '" + f + "'");
      }
    }
    for (JsonNode c : optionalArray(step, "new_classes")) create(drafts, c.asText(), false);
    for (JsonNode c : optionalArray(step, "new_sqlite_classes")) create(drafts, c.asText(), true);
    for (JsonNode r : optionalArray(step, "renamed_classes")) {
      String from = r.path("from").asText(null), to = r.path("to").asText(null);
      if (from == null || to == null)
        throw ApiException.validation("renamed_classes entries need 'from' and 'to'");
      Draft d = drafts.remove(from);
      if (d == null)
        throw ApiException.validation(
            "Cannot rename class '" + from + "': no such Durable Object class");
      if (drafts.containsKey(to))
        throw ApiException.validation("Cannot rename to '" + to + "': class already exists");
      drafts.put(to, new Draft(d.id(), to, d.sqlite(), d.containers(), d.createdNow()));
    }
    for (JsonNode c : optionalArray(step, "deleted_classes")) {
      if (drafts.remove(c.asText()) == null) {
        throw ApiException.validation(
            "Cannot delete class '" + c.asText() + "': no such Durable Object class");
      }
    }
    if (step.has("transferred_classes") && !step.get("transferred_classes").isEmpty()) {
      throw ApiException.validation("transferred_classes is not supported by this emulator");
    }
  }

  private static void create(Map<String, Draft> drafts, String className, boolean sqlite) {
    if (className.isEmpty()) throw ApiException.validation("Empty class name in migration");
    if (drafts.containsKey(className)) {
      throw ApiException.validation(
          "Cannot apply new-class migration to class '" + className + "' that already exists");
    }
    drafts.put(className, new Draft(EmulatorState.hexId(), className, sqlite, false, true));
  }

  /**
   * The `containers` entries: each names a class whose namespace becomes container-enabled. Only
   * possible in the upload that creates the class, and only for SQLite classes.
   */
  static void applyContainers(JsonNode metadata, Map<String, Draft> drafts, ArrayNode bindings) {
    if (!metadata.has("containers")) return;
    for (JsonNode c : requireArray(metadata, "containers")) {
      for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        // wrangler 4.164 (create-worker-upload-form): {name?, class_name?, images?}
        if (!f.equals("class_name") && !f.equals("name") && !f.equals("images")) {
          throw ApiException.validation("Unknown containers field '" + f + "'");
        }
      }
      String className = c.path("class_name").asText(null);
      if (className == null) throw ApiException.validation("containers entries need 'class_name'");
      Draft d = drafts.get(className);
      if (d == null) {
        throw ApiException.validation(
            "Container class '"
                + className
                + "' is not a Durable Object class of this Worker: create it with a new_sqlite_classes migration");
      }
      if (!d.sqlite()) {
        throw ApiException.validation(
            "Container class '"
                + className
                + "' must be SQLite-backed (new_sqlite_classes), not new_classes");
      }
      // No binding is needed: wrangler's containers/deploy.ts finds an unbound container class's
      // namespace
      // in the namespace list ("Only bound DOs are returned in version info").
      if (!d.containers()) {
        if (!d.createdNow()) {
          throw ApiException.validation(
              "Containers cannot be enabled on existing Durable Object class '"
                  + className
                  + "': send the containers entry in the upload whose migration creates the class");
        }
        drafts.put(className, new Draft(d.id(), className, true, true, true));
      }
    }
  }
}
