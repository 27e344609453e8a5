package io.github.cfcontainers.emulator.workers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.http.Multipart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The multipart body of a Worker upload taken apart: the {@code metadata} part as JSON, the module
 * parts by name, and the main module (an uploaded ES module, exactly typed) with its source. Also
 * the small readers of metadata fields the other upload rules share.
 */
record UploadParts(
    JsonNode metadata, Map<String, Multipart.Part> modules, String mainModule, String source) {
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

  static UploadParts parse(String contentType, byte[] body) {
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
    return new UploadParts(metadata, modules, mainModule, main.text());
  }

  static JsonNode requireArray(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isArray())
      throw ApiException.validation("'" + field + "' must be an array");
    return n;
  }

  static Iterable<JsonNode> optionalArray(JsonNode parent, String field) {
    return parent.has(field) ? requireArray(parent, field) : Json.array();
  }

  static ArrayNode stringArray(JsonNode metadata, String field) {
    ArrayNode out = Json.array();
    for (JsonNode n : optionalArray(metadata, field)) {
      if (!n.isTextual()) throw ApiException.validation("'" + field + "' must hold strings");
      out.add(n.asText());
    }
    return out;
  }

  /** The media type of a part's content type, lower case, without parameters ("" for none). */
  static String mediaType(String contentType) {
    if (contentType == null) return "";
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase();
  }
}
