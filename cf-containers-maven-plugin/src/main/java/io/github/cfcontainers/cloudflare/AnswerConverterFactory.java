package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Retrofit's JSON: answers read by {@link CloudflareJson#ANSWERS} (streaming, no data binding on a
 * read-only deploy), request bodies written by the shared data binding, made only when a body is
 * first sent.
 */
final class AnswerConverterFactory extends Converter.Factory {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    return body -> {
      try (body;
          JsonParser parser = FACTORY.createParser(body.byteStream())) {
        parser.nextToken();
        return CloudflareJson.ANSWERS.read(parser, type);
      }
    };
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(
      Type type,
      Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations,
      Retrofit retrofit) {
    return value ->
        RequestBody.create(
            CloudflareJson.shared()
                .writerFor(CloudflareJson.shared().getTypeFactory().constructType(type))
                .writeValueAsBytes(value),
            JSON);
  }
}
