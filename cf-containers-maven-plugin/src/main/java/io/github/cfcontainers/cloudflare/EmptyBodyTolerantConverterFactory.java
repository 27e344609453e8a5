package io.github.cfcontainers.cloudflare;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Answers null for an empty 2xx body (e.g. a DELETE answered with no content) instead of a JSON
 * parse error.
 */
final class EmptyBodyTolerantConverterFactory extends Converter.Factory {

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> delegate =
        retrofit.nextResponseBodyConverter(this, type, annotations);
    return body -> body.source().exhausted() ? null : delegate.convert(body);
  }
}
