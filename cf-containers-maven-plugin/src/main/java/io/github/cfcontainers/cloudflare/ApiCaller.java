package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Executes a Retrofit call, unwraps the envelope and turns every failure into {@link
 * CloudflareApiException}.
 */
final class ApiCaller {

  private final ApiToken token;
  private final String basePath;

  ApiCaller(ApiToken token, String basePath) {
    this.token = token;
    this.basePath = basePath;
  }

  <T> T result(Call<ApiEnvelope<T>> call) {
    return envelope(call).result();
  }

  <T> ApiEnvelope<T> envelope(Call<ApiEnvelope<T>> call) {
    Request request = call.request();
    String method = request.method();
    String path = RequestPaths.relative(request.url(), basePath);
    Response<ApiEnvelope<T>> response;
    try {
      response = call.execute();
    } catch (NonJsonAnswerException e) {
      throw CloudflareApiException.nonJson(
          e.status,
          method,
          path,
          e.contentType,
          e.cfMitigated,
          token.scrub(e.snippet),
          e.attempts,
          null);
    } catch (TransportFailure e) {
      throw CloudflareApiException.transport(
          method, path, token.scrub(e.getMessage()), e.attempts, e.note, e.getCause());
    } catch (JsonProcessingException e) {
      throw CloudflareApiException.unexpected(
          200, method, path, token.scrub(e.getOriginalMessage()), null);
    } catch (IOException e) {
      throw CloudflareApiException.transport(
          method, path, token.scrub(TransportFailure.describe(e)), 1, null, null);
    }
    int status = response.code();
    int attempts = parseAttempts(response.headers().get(RetryInterceptor.ATTEMPTS_HEADER));
    String note = response.headers().get(RetryInterceptor.NOTE_HEADER);
    if (!response.isSuccessful()) {
      byte[] raw;
      MediaType type;
      try (ResponseBody errorBody = response.errorBody()) {
        raw = errorBody == null ? new byte[0] : errorBody.bytes();
        type = errorBody == null ? null : errorBody.contentType();
      } catch (IOException e) {
        throw CloudflareApiException.transport(
            method,
            path,
            "the error answer (HTTP "
                + status
                + ") could not be read: "
                + TransportFailure.describe(e),
            attempts,
            note,
            null);
      }
      String mitigated = response.headers().get("cf-mitigated");
      JsonNode tree = mitigated == null ? tryParse(raw) : null;
      if (tree == null || !tree.isObject()) {
        throw CloudflareApiException.nonJson(
            status,
            method,
            path,
            type == null ? null : type.toString(),
            mitigated,
            token.scrub(JsonAnswerGuard.snippet(new String(raw, StandardCharsets.UTF_8))),
            attempts,
            note);
      }
      List<ApiError> errors = ApiErrors.fromAnswer(tree, CloudflareJson.shared(), token::scrub);
      throw CloudflareApiException.apiError(status, method, path, errors, attempts, note);
    }
    ApiEnvelope<T> envelope = response.body();
    if (envelope == null) {
      return new ApiEnvelope<>(true, null, null, null, null); // 204
    }
    if (Boolean.FALSE.equals(envelope.success())) {
      throw CloudflareApiException.apiError(
          status,
          method,
          path,
          ApiErrors.fromErrorsNode(envelope.errors(), CloudflareJson.shared(), token::scrub),
          attempts,
          note);
    }
    return envelope;
  }

  /**
   * Runs {@code call}; answers null when it failed with HTTP 404 or one of {@code absentCodes}. A
   * 404 with code 7003 (no route: wrong base URL or path) is an error, not "absent": a destroy must
   * not report "nothing to delete".
   */
  <T> ApiEnvelope<T> envelopeOrNullIfAbsent(Call<ApiEnvelope<T>> call, int... absentCodes) {
    try {
      return envelope(call);
    } catch (CloudflareApiException e) {
      boolean noRoute = e.hasCode(CloudflareErrorCodes.NO_ROUTE);
      if (e.kind() == CloudflareApiException.Kind.API_ERROR
          && !noRoute
          && (e.isNotFound() || hasAny(e, absentCodes))) {
        return null;
      }
      throw e;
    }
  }

  private static boolean hasAny(CloudflareApiException e, int... codes) {
    for (int c : codes) {
      if (e.hasCode(c)) {
        return true;
      }
    }
    return false;
  }

  private JsonNode tryParse(byte[] raw) {
    if (raw.length == 0) {
      return null;
    }
    try {
      return CloudflareJson.shared().readTree(raw);
    } catch (IOException notJson) {
      return null;
    }
  }

  private static int parseAttempts(String header) {
    if (header == null) {
      return 1;
    }
    try {
      return Integer.parseInt(header);
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
