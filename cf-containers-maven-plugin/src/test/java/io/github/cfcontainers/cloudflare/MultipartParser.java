package io.github.cfcontainers.cloudflare;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately independent multipart/form-data reader for the upload tests (byte-exact headers
 * and bodies).
 */
final class MultipartParser {

  record Part(List<String> headerLines, Map<String, String> headers, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private MultipartParser() {}

  static List<Part> parse(String contentType, byte[] raw) {
    String marker = "boundary=";
    int i = contentType.indexOf(marker);
    if (i < 0) {
      throw new AssertionError("no boundary in " + contentType);
    }
    String boundary = contentType.substring(i + marker.length());
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(raw, delimiter, 0);
    if (pos != 0) {
      throw new AssertionError("body does not start with the boundary");
    }
    while (true) {
      int afterDelim = pos + delimiter.length;
      if (raw[afterDelim] == '-' && raw[afterDelim + 1] == '-') {
        break; // closing delimiter
      }
      int headersStart = afterDelim + 2; // CRLF
      int headersEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      String headerBlock =
          new String(raw, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
      List<String> lines = Arrays.asList(headerBlock.split("\r\n"));
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line : lines) {
        int c = line.indexOf(':');
        headers.put(line.substring(0, c).trim(), line.substring(c + 1).trim());
      }
      int bodyStart = headersEnd + 4;
      int next =
          indexOf(raw, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), bodyStart);
      parts.add(new Part(lines, headers, Arrays.copyOfRange(raw, bodyStart, next)));
      pos = next + 2;
    }
    return parts;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found: " + new String(needle, StandardCharsets.ISO_8859_1));
  }
}
