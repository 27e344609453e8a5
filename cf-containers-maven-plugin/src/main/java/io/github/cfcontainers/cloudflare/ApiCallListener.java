package io.github.cfcontainers.cloudflare;

/**
 * Hook for the Maven layer: one event per HTTP attempt (method, path, status, ms), never the token.
 */
@FunctionalInterface
public interface ApiCallListener {

  ApiCallListener NONE = event -> {};

  void onCall(ApiCallEvent event);
}
