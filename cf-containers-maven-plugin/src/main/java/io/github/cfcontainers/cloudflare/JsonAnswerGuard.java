package io.github.cfcontainers.cloudflare;

import java.io.IOException;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Stops a 2xx answer that is not JSON (an HTML page from a proxy, a challenge) before the JSON
 * converter fails on it without context. Error answers pass: the caller reads their raw body.
 */
final class JsonAnswerGuard implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (!response.isSuccessful() || response.code() == 204 || response.code() == 205) {
      return response;
    }
    String mitigated = response.header("cf-mitigated");
    ResponseBody body = response.body();
    MediaType type = body == null ? null : body.contentType();
    boolean json = type != null && isJson(type);
    if (mitigated == null && (json || body == null || body.contentLength() == 0)) {
      return response;
    }
    if (mitigated == null && type == null) {
      return response; // no content type: let the converter try
    }
    String snippet = snippet(response.peekBody(512).string());
    response.close();
    throw new NonJsonAnswerException(
        response.code(), type == null ? null : type.toString(), mitigated, snippet);
  }

  static boolean isJson(MediaType type) {
    String subtype = type.subtype().toLowerCase(Locale.ROOT);
    return subtype.equals("json") || subtype.endsWith("+json");
  }

  /** The first words of an answer, whitespace collapsed, tags dropped, at most 160 characters. */
  static String snippet(String raw) {
    if (raw == null) {
      return null;
    }
    String text =
        raw.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
            .replaceAll("<[^>]*>", " ")
            .replaceAll("\\s+", " ")
            .trim();
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }
}
