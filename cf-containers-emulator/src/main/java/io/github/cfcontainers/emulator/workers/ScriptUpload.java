package io.github.cfcontainers.emulator.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.http.Multipart;
import io.github.cfcontainers.emulator.state.EmulatorState;
import io.github.cfcontainers.emulator.workers.DurableObjectClasses.Draft;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Validates one Worker upload against the script's current state and applies it: modules,
 * main_module, compatibility_date, bindings, migrations, containers. Everything is checked before
 * anything is changed. The parts are read by {@link UploadParts}, classes and migrations worked out
 * by {@link DurableObjectClasses}, bindings checked by {@link BindingRules}; this class orders the
 * checks and commits the result.
 */
final class ScriptUpload {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern SCRIPT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  private ScriptUpload() {}

  static ObjectNode apply(EmulatorState state, String scriptName, String contentType, byte[] body) {
    if (!SCRIPT_NAME.matcher(scriptName).matches()) {
      throw ApiException.validation(
          "Invalid Worker name '"
              + scriptName
              + "': use lowercase letters, digits, - and _ (max 63)");
    }
    UploadParts upload = UploadParts.parse(contentType, body);
    JsonNode metadata = upload.metadata();
    Map<String, Multipart.Part> modules = upload.modules();
    String mainModule = upload.mainModule();
    String source = upload.source();
    Set<String> exported = ModuleExports.of(source);

    String compatibilityDate = compatibilityDate(metadata);
    ArrayNode flags = UploadParts.stringArray(metadata, "compatibility_flags");

    ArrayNode bindings =
        metadata.has("bindings")
            ? (ArrayNode) UploadParts.requireArray(metadata, "bindings")
            : Json.array();
    Set<String> bindingNames = BindingRules.check(bindings);

    Set<String> keepTypes = new HashSet<>();
    UploadParts.stringArray(metadata, "keep_bindings").forEach(t -> keepTypes.add(t.asText()));

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
        newTag = DurableObjectClasses.applyMigrations(migrations, currentTag, drafts);
      }
      DurableObjectClasses.applyContainers(metadata, drafts, bindings);

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
      ArrayNode resolved = BindingRules.resolve(state, scriptName, bindings, drafts);
      BindingRules.keep(resolved, current, keepTypes, bindingNames, drafts);

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
      String versionId = UUID.randomUUID().toString();
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
          BindingRules.secretValues(
              bindings,
              resolved,
              current == null
                  ? Map.of()
                  : state.secretValues.getOrDefault(current.latestVersionId(), Map.of())));
      List<EmulatorState.Module> uploaded = new ArrayList<>();
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
              UploadParts.stringArray(metadata, "tags"),
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

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
