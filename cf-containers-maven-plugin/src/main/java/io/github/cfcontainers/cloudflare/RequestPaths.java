package io.github.cfcontainers.cloudflare;

import okhttp3.HttpUrl;

/** Paths for messages and events: relative to the base URL, never with the query. */
final class RequestPaths {

  private RequestPaths() {}

  static String relative(HttpUrl url, String basePath) {
    String path = url.encodedPath();
    String base = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    if (!base.isEmpty() && path.startsWith(base + "/")) {
      path = path.substring(base.length());
    }
    return path.startsWith("/") ? path : "/" + path;
  }
}
