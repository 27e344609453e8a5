package io.github.cfcontainers.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A small multipart/form-data parser (RFC 7578): enough for Worker uploads. */
public final class Multipart {
  public record Part(String name, String filename, String contentType, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private Multipart() {}

  public static List<Part> parse(String contentType, byte[] body) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw ApiException.validation("Expected a multipart/form-data body, got " + contentType);
    }
    String boundary = headerParam(contentType, "boundary");
    if (boundary == null || boundary.isEmpty())
      throw ApiException.validation("multipart body without boundary");
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(body, delimiter, 0);
    if (pos < 0) throw ApiException.validation("multipart boundary not found in body");
    while (true) {
      pos += delimiter.length;
      if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-')
        break; // closing delimiter
      pos = skipLineEnd(body, pos);
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
      if (headersEnd < 0) throw ApiException.validation("malformed multipart part headers");
      String headerBlock = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      int next = indexOf(body, delimiter, contentStart);
      if (next < 0) throw ApiException.validation("multipart body is not terminated");
      int contentEnd = next;
      if (contentEnd >= 2 && body[contentEnd - 2] == '\r' && body[contentEnd - 1] == '\n')
        contentEnd -= 2;
      parts.add(part(headerBlock, Arrays.copyOfRange(body, contentStart, contentEnd)));
      pos = next;
    }
    return parts;
  }

  private static Part part(String headerBlock, byte[] content) {
    String name = null, filename = null, type = null;
    for (String line : headerBlock.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) continue;
      String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (key.equals("content-disposition")) {
        name = headerParam(value, "name");
        filename = headerParam(value, "filename");
      } else if (key.equals("content-type")) {
        type = value;
      }
    }
    if (name == null) throw ApiException.validation("multipart part without a name");
    return new Part(name, filename, type, content);
  }

  /** A parameter of a header value such as `form-data; name="x"; filename="y"` (quoted or not). */
  static String headerParam(String headerValue, String param) {
    for (String piece : headerValue.split(";")) {
      String p = piece.trim();
      int eq = p.indexOf('=');
      if (eq < 0) continue;
      if (!p.substring(0, eq).trim().equalsIgnoreCase(param)) continue;
      String v = p.substring(eq + 1).trim();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\""))
        v = v.substring(1, v.length() - 1);
      return v;
    }
    return null;
  }

  private static int skipLineEnd(byte[] b, int pos) {
    if (pos < b.length && b[pos] == '\r') pos++;
    if (pos < b.length && b[pos] == '\n') pos++;
    return pos;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
}
