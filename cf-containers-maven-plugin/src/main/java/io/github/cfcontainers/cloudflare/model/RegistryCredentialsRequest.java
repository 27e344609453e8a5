package io.github.cfcontainers.cloudflare.model;

import java.util.List;

/** {@code {"expiration_minutes":N,"permissions":["push","pull"]}}. */
public record RegistryCredentialsRequest(Integer expirationMinutes, List<String> permissions) {}
