package io.github.cfcontainers.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.cfcontainers.json.JsonNaming;
import io.github.cfcontainers.json.RecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON files the plugin reads (build.json, deployment.json, esbuild's metafile) and the
 * engine's image id, with Jackson's streaming parser alone ({@link RecordReader}; why: there).
 */
public final class StreamingJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  /** The result files' names: Java's. */
  private static final RecordReader AS_WRITTEN = new RecordReader(JsonNaming.AS_WRITTEN, Map.of());

  private StreamingJson() {}

  /** A JSON object as a record, as {@link RecordReader} reads it, members named as in Java. */
  public static <T extends Record> T readRecord(Path file, Class<T> type) throws IOException {
    try (JsonParser parser = FACTORY.createParser(Files.newInputStream(file))) {
      parser.nextToken();
      Object value = AS_WRITTEN.read(parser, type);
      if (value == null) {
        throw new IOException(file + " holds null, not a JSON object");
      }
      return type.cast(value);
    }
  }

  /** The names of the members of the top-level object's {@code field} object, in file order. */
  public static List<String> memberNames(Path file, String field) throws IOException {
    try (JsonParser parser = FACTORY.createParser(Files.newInputStream(file))) {
      var names = new ArrayList<String>();
      if (atField(parser, field) && parser.nextToken() == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          names.add(parser.currentName());
          parser.nextToken();
          parser.skipChildren();
        }
      }
      return names;
    }
  }

  /** The top-level object's string {@code field}, if it has one. */
  public static Optional<String> topLevelString(String json, String field) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (atField(parser, field) && parser.nextToken() == JsonToken.VALUE_STRING) {
        return Optional.of(parser.getText());
      }
      return Optional.empty();
    }
  }

  /** The names of the file's top-level object's members, in file order. */
  public static List<String> topLevelNames(Path file) throws IOException {
    try (JsonParser parser = FACTORY.createParser(Files.newInputStream(file))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(file + " is not a JSON object");
      }
      var names = new ArrayList<String>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        names.add(parser.currentName());
        parser.nextToken();
        parser.skipChildren();
      }
      return names;
    }
  }

  /** Moves to the top-level object's {@code field}; false when there is none. */
  private static boolean atField(JsonParser parser, String field) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException("not a JSON object");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      if (parser.currentName().equals(field)) {
        return true;
      }
      parser.nextToken();
      parser.skipChildren();
    }
    return false;
  }
}
