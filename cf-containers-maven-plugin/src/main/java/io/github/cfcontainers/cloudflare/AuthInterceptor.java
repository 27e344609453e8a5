package io.github.cfcontainers.cloudflare;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds {@code Authorization: Bearer …}, {@code Accept} and {@code User-Agent}. */
final class AuthInterceptor implements Interceptor {

  private final ApiToken token;
  private final String userAgent;

  AuthInterceptor(ApiToken token, String userAgent) {
    this.token = token;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(
        chain
            .request()
            .newBuilder()
            .header("Authorization", "Bearer " + token.reveal())
            .header("Accept", "application/json")
            .header("User-Agent", userAgent)
            .build());
  }
}
