package io.github.cfcontainers.emulator.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.http.Multipart;
import io.github.cfcontainers.emulator.state.EmulatorState;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates one Worker upload against the script's current state and applies it: modules,
 * main_module, compatibility_date, bindings, migrations, containers. Everything is checked before
 * anything is changed.
 */
final class ScriptUpload {
  static final String ES_MODULE = "application/javascript+module";
  private static final Set<String> MODULE_TYPES =
      Set.of(
          ES_MODULE,
          "text/javascript+module",
          "application/javascript",
          "text/javascript",
          "application/source-map",
          "text/plain",
          "application/wasm",
          "application/octet-stream",
          "application/json",
          "text/x-python",
          "application/x-python",
          "application/x-python-requirement");
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
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern SCRIPT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
  private static final Map<String, String> REQUIRED_BINDING_FIELD =
      Map.of(
          "plain_text",
          "text",
          "secret_text",
          "text",
          "kv_namespace",
          "namespace_id",
          "r2_bucket",
          "bucket_name",
          "d1",
          "id",
          "service",
          "service",
          "durable_object_namespace",
          "class_name");

  /** A namespace while the upload is being worked out: existing ones keep their id. */
  private record Draft(
      String id, String className, boolean sqlite, boolean containers, boolean createdNow) {}

  private ScriptUpload() {}

  static ObjectNode apply(EmulatorState state, String scriptName, String contentType, byte[] body) {
    if (!SCRIPT_NAME.matcher(scriptName).matches()) {
      throw ApiException.validation(
          "Invalid Worker name '"
              + scriptName
              + "': use lowercase letters, digits, - and _ (max 63)");
    }
    List<Multipart.Part> parts = Multipart.parse(contentType, body);
    Multipart.Part metadataPart = null;
    Map<String, Multipart.Part> modules = new LinkedHashMap<>();
    for (Multipart.Part p : parts) {
      if (p.name().equals("metadata")) {
        metadataPart = p;
        continue;
      }
      if (p.filename() == null || !p.filename().equals(p.name())) {
        throw ApiException.validation(
            "Module part '"
                + p.name()
                + "' must have a filename equal to its field name, got "
                + p.filename());
      }
      String type = p.contentType();
      if (type == null || !MODULE_TYPES.contains(mediaType(type))) {
        throw ApiException.validation(
            "Module '" + p.name() + "' has unsupported content type " + type);
      }
      if (modules.put(p.name(), p) != null)
        throw ApiException.validation("Duplicate module '" + p.name() + "'");
    }
    if (metadataPart == null)
      throw ApiException.validation("Missing the 'metadata' part of the upload");
    JsonNode metadata = Json.parse(metadataPart.body(), "metadata");
    if (!metadata.isObject()) throw ApiException.validation("metadata must be a JSON object");

    // main_module: an uploaded ES module, exactly typed.
    String mainModule = metadata.path("main_module").asText(null);
    if (mainModule == null || mainModule.isEmpty()) {
      throw ApiException.validation("metadata.main_module is required for ES module Workers");
    }
    Multipart.Part main = modules.get(mainModule);
    if (main == null) {
      throw ApiException.validation(
          "main_module '"
              + mainModule
              + "' names no uploaded module part (uploaded: "
              + modules.keySet()
              + ")");
    }
    if (!ES_MODULE.equals(main.contentType())) {
      throw ApiException.validation(
          "main_module '"
              + mainModule
              + "' must have content type exactly "
              + ES_MODULE
              + ", got '"
              + main.contentType()
              + "'");
    }
    String source = main.text();
    Set<String> exported = ModuleExports.of(source);

    String compatibilityDate = compatibilityDate(metadata);
    ArrayNode flags = stringArray(metadata, "compatibility_flags");

    ArrayNode bindings =
        metadata.has("bindings") ? (ArrayNode) requireArray(metadata, "bindings") : Json.array();
    Set<String> bindingNames = new HashSet<>();
    for (JsonNode b : bindings) {
      String type = b.path("type").asText(null);
      String name = b.path("name").asText(null);
      if (type == null || name == null || name.isEmpty())
        throw ApiException.validation("Every binding needs type and name");
      if (!bindingNames.add(name))
        throw ApiException.validation("Duplicate binding name '" + name + "'");
      String required = REQUIRED_BINDING_FIELD.get(type);
      if (required != null && !b.path(required).isTextual()) {
        throw ApiException.validation(
            "Binding '" + name + "' of type " + type + " needs '" + required + "'");
      }
    }

    Set<String> keepTypes = new HashSet<>();
    stringArray(metadata, "keep_bindings").forEach(t -> keepTypes.add(t.asText()));

    synchronized (state) {
      EmulatorState.Script current = state.scripts.get(scriptName);
      String currentTag = current == null ? null : current.migrationTag();
      Map<String, Draft> drafts = new LinkedHashMap<>();
      for (EmulatorState.Namespace n : state.namespacesOf(scriptName)) {
        drafts.put(
            n.className(), new Draft(n.id(), n.className(), n.sqlite(), n.containers(), false));
      }
      String newTag = currentTag;
      JsonNode migrations = metadata.get("migrations");
      if (migrations != null && !migrations.isNull()) {
        newTag = applyMigrations(migrations, currentTag, drafts);
      }
      applyContainers(metadata, drafts, bindings);

      // Every Durable Object class of this script must be exported by the main module.
      for (Draft d : drafts.values()) {
        if (!exported.contains(d.className())) {
          throw ApiException.validation(
              "Durable Object class '"
                  + d.className()
                  + "' is not exported by main module '"
                  + mainModule
                  + "' (exports: "
                  + exported
                  + "). Export it, or delete it with a deleted_classes migration.");
        }
      }
      // Resolve bindings to namespaces (this script's, or another script's via script_name).
      ArrayNode resolved = Json.array();
      for (JsonNode b : bindings) {
        ObjectNode copy = ((ObjectNode) b).deepCopy();
        // Secret values are write-only on the real API: never kept, never answered.
        if (b.path("type").asText().startsWith("secret")) copy.remove("text");
        if ("durable_object_namespace".equals(b.path("type").asText())) {
          String className = b.path("class_name").asText();
          String otherScript = b.path("script_name").asText(null);
          String namespaceId;
          if (otherScript == null || otherScript.equals(scriptName)) {
            Draft d = drafts.get(className);
            if (d == null) {
              throw ApiException.validation(
                  "Cannot create binding for class '"
                      + className
                      + "' because it is not currently configured to implement Durable Objects. "
                      + "Did you forget to apply a Durable Object migration?");
            }
            namespaceId = d.id();
          } else {
            EmulatorState.Namespace other = findNamespace(state, otherScript, className);
            if (other == null) {
              throw ApiException.validation(
                  "Binding '"
                      + b.path("name").asText()
                      + "' refers to class '"
                      + className
                      + "' of Worker '"
                      + otherScript
                      + "', which has no such Durable Object");
            }
            namespaceId = other.id();
          }
          copy.put("namespace_id", namespaceId);
        }
        resolved.add(copy);
      }
      // keep_bindings: bindings of the listed types that this upload does not name again survive
      // from the
      // previous version (reference §3.1: how secrets set out of band outlive a deploy).
      if (current != null) {
        for (JsonNode old : current.bindings()) {
          String type = old.path("type").asText();
          boolean keep =
              keepTypes.contains(type) && !bindingNames.contains(old.path("name").asText());
          boolean gone =
              "durable_object_namespace".equals(type)
                  && !old.hasNonNull("script_name")
                  && drafts.values().stream()
                      .noneMatch(d -> d.id().equals(old.path("namespace_id").asText()));
          if (keep && !gone) resolved.add(old.deepCopy());
        }
      }

      // All checks passed: commit.
      for (EmulatorState.Namespace n : state.namespacesOf(scriptName)) {
        boolean kept = drafts.values().stream().anyMatch(d -> d.id().equals(n.id()));
        if (!kept) state.namespaces.remove(n.id());
      }
      for (Draft d : drafts.values()) {
        state.namespaces.put(
            d.id(),
            new EmulatorState.Namespace(
                d.id(), scriptName, d.className(), d.sqlite(), d.containers()));
      }
      String now = Json.now();
      String versionId = java.util.UUID.randomUUID().toString();
      int number =
          (int) state.versions.values().stream().filter(v -> v.script().equals(scriptName)).count()
              + 1;
      String etag = sha256(body);
      ArrayNode handlers = Json.array();
      ModuleExports.handlers(source).forEach(handlers::add);
      ObjectNode annotations =
          metadata.path("annotations").isObject()
              ? (ObjectNode) metadata.get("annotations").deepCopy()
              : Json.object();
      ObjectNode observability =
          metadata.path("observability").isObject()
              ? (ObjectNode) metadata.get("observability").deepCopy()
              : null;
      state.versions.put(
          versionId,
          new EmulatorState.Version(
              versionId,
              scriptName,
              number,
              now,
              resolved,
              compatibilityDate,
              flags,
              mainModule,
              etag,
              handlers,
              annotations));
      state.secretValues.put(
          versionId,
          secretValues(
              bindings,
              resolved,
              current == null
                  ? Map.of()
                  : state.secretValues.getOrDefault(current.latestVersionId(), Map.of())));
      List<EmulatorState.Module> uploaded = new java.util.ArrayList<>();
      modules
          .values()
          .forEach(
              p -> uploaded.add(new EmulatorState.Module(p.name(), p.contentType(), p.body())));
      state.modules.put(versionId, List.copyOf(uploaded));
      EmulatorState.Script script =
          new EmulatorState.Script(
              scriptName,
              current == null ? now : current.createdOn(),
              now,
              etag,
              newTag,
              compatibilityDate,
              flags,
              resolved,
              stringArray(metadata, "tags"),
              annotations,
              observability,
              handlers,
              mainModule,
              versionId,
              current != null && current.workersDevEnabled(),
              current != null && current.previewsEnabled());
      state.scripts.put(scriptName, script);
      return WorkersApi.uploadResult(script);
    }
  }

  private static EmulatorState.Namespace findNamespace(
      EmulatorState state, String script, String className) {
    for (EmulatorState.Namespace n : state.namespacesOf(script))
      if (n.className().equals(className)) return n;
    return null;
  }

  private static String compatibilityDate(JsonNode metadata) {
    if (!metadata.has("compatibility_date")) return "2021-11-02";
    String date = metadata.get("compatibility_date").asText("");
    if (!DATE.matcher(date).matches()) {
      throw ApiException.validation(
          "Invalid compatibility_date '" + date + "': expected YYYY-MM-DD");
    }
    LocalDate parsed;
    try {
      parsed = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw ApiException.validation(
          "Invalid compatibility_date '" + date + "': not a calendar date");
    }
    // The runtime cannot know features dated after today (a day of slack for time zones).
    if (parsed.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
      throw ApiException.validation("Can't set compatibility date in the future: " + date);
    }
    return date;
  }

  private static String applyMigrations(JsonNode m, String currentTag, Map<String, Draft> drafts) {
    if (!m.isObject()) throw ApiException.validation("metadata.migrations must be an object");
    for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!MIGRATION_FIELDS.contains(f))
        throw ApiException.validation("Unknown migrations field '" + f + "'");
    }
    String oldTag = m.hasNonNull("old_tag") ? m.get("old_tag").asText() : null;
    if (!java.util.Objects.equals(oldTag, currentTag)) {
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
  private static void applyContainers(
      JsonNode metadata, Map<String, Draft> drafts, ArrayNode bindings) {
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

  private static JsonNode requireArray(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isArray())
      throw ApiException.validation("'" + field + "' must be an array");
    return n;
  }

  private static Iterable<JsonNode> optionalArray(JsonNode parent, String field) {
    return parent.has(field) ? requireArray(parent, field) : Json.array();
  }

  private static ArrayNode stringArray(JsonNode metadata, String field) {
    ArrayNode out = Json.array();
    for (JsonNode n : optionalArray(metadata, field)) {
      if (!n.isTextual()) throw ApiException.validation("'" + field + "' must hold strings");
      out.add(n.asText());
    }
    return out;
  }

  private static String mediaType(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase();
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The values of the version's secret_text bindings: sent with this upload, else kept from the
   * previous version (keep_bindings). For the local runtime only.
   */
  private static Map<String, String> secretValues(
      JsonNode sent, ArrayNode resolved, Map<String, String> previous) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (JsonNode b : resolved) {
      if (!"secret_text".equals(b.path("type").asText())) continue;
      String name = b.path("name").asText();
      String text = null;
      for (JsonNode s : sent) {
        if ("secret_text".equals(s.path("type").asText()) && name.equals(s.path("name").asText())) {
          text = s.path("text").asText(null);
        }
      }
      if (text == null) text = previous.get(name);
      if (text != null) values.put(name, text);
    }
    return Map.copyOf(values);
  }
}
