package io.github.cfcontainers.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hand-written HTTP calls shaped after the reference document's examples; deliberately independent
 * of the emulator's own classes.
 */
public final class Api {
  public static final ObjectMapper JSON = new ObjectMapper();
  public static final HttpClient HTTP = HttpClient.newHttpClient();

  public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    public int code() {
      return body.path("errors").path(0).path("code").asInt();
    }

    public String message() {
      return body.path("errors").path(0).path("message").asText();
    }

    /** The containers API's JSON-in-message error name. */
    public String error() {
      try {
        return JSON.readTree(message()).path("error").asText();
      } catch (IOException e) {
        return "(not JSON: " + message() + ")";
      }
    }

    public JsonNode details() {
      try {
        return JSON.readTree(message()).path("details");
      } catch (IOException e) {
        return JSON.createObjectNode();
      }
    }

    public JsonNode result() {
      return body.path("result");
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  public final String base;
  public final String account;
  public String token;

  public Api(URI base, String account, String token) {
    this.base = base.toString();
    this.account = account;
    this.token = token;
  }

  public Api as(String otherToken) {
    return new Api(URI.create(base), account, otherToken);
  }

  public Reply get(String path) {
    return send("GET", path, null, null);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Reply post(String path, String json) {
    return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public Reply patch(String path, String json) {
    return send("PATCH", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** Paths starting with /accounts/{a} get the account filled in. */
  public Reply send(String method, String path, String contentType, byte[] body) {
    String p = path.replace("{a}", account);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + p))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) b.header("Authorization", "Bearer " + token);
    if (contentType != null) b.header("Content-Type", contentType);
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
      return new Reply(r.statusCode(), json, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Worker upload as wrangler sends it: `metadata` part + one part per module. */
  public Reply upload(String script, String metadataJson, Map<String, String[]> modules) {
    String boundary = "----cfemu" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(
        out,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
            + "Content-Type: application/json\r\n\r\n"
            + metadataJson
            + "\r\n");
    for (Map.Entry<String, String[]> m : modules.entrySet()) {
      write(
          out,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + m.getKey()
              + "\"; filename=\""
              + m.getValue()[2]
              + "\"\r\nContent-Type: "
              + m.getValue()[0]
              + "\r\n\r\n"
              + m.getValue()[1]
              + "\r\n");
    }
    write(out, "--" + boundary + "--\r\n");
    return send(
        "PUT",
        "/accounts/{a}/workers/scripts/" + script,
        "multipart/form-data; boundary=" + boundary,
        out.toByteArray());
  }

  /** A single ES module named worker.js. */
  public Reply upload(String script, String metadataJson, String source) {
    return upload(
        script, metadataJson, module("worker.js", "application/javascript+module", source));
  }

  public static Map<String, String[]> module(String name, String type, String source) {
    Map<String, String[]> m = new LinkedHashMap<>();
    m.put(name, new String[] {type, source, name});
    return m;
  }

  /** The field names of a JSON object, in order. */
  public static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
