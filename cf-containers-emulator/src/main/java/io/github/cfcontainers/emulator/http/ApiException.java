package io.github.cfcontainers.emulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** An API error answered in the v4 envelope: HTTP status, `errors[].code` and message. */
public final class ApiException extends RuntimeException {
  /** The integer code the containers API puts next to its JSON-string messages. */
  static final int CONTAINERS_CODE = 1000;

  public final int status;
  final int code;
  final Map<String, String> headers = new LinkedHashMap<>();

  public ApiException(int status, int code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  ApiException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public static ApiException workers(int code, String message) {
    return new ApiException(400, code, message);
  }

  public static ApiException validation(String message) {
    return workers(10021, message);
  }

  static ApiException authentication(int status) {
    return new ApiException(status, 10000, "Authentication error");
  }

  static ApiException noRoute(String path) {
    return new ApiException(
        404, 7003, "Could not route to " + path + ", perhaps your object identifier is invalid?");
  }

  /** Containers API error: message is the JSON string {"error":CODE,"details":{...}}. */
  public static ApiException containers(int status, String error, ObjectNode details) {
    ObjectNode body = Json.object().put("error", error);
    body.set("details", details == null ? Json.object() : details);
    return new ApiException(status, CONTAINERS_CODE, body.toString());
  }

  public static ApiException invalidInput(String field, String problem) {
    return containers(400, "VALIDATE_INPUT", Json.object().put(field, problem));
  }
}
