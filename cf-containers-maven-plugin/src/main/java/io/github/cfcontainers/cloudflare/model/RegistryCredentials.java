package io.github.cfcontainers.cloudflare.model;

/**
 * Short-lived registry credentials as the API answers them (the wire view; a push gets only the
 * host, username and password, as build.ContainerEngine.RegistryAuth): {@code {account_id,
 * registry_host, username, password}}. {@link #toString()} hides the password.
 */
public record RegistryCredentials(
    String accountId, String registryHost, String username, String password) {

  @Override
  public String toString() {
    return "RegistryCredentials[accountId="
        + accountId
        + ", registryHost="
        + registryHost
        + ", username="
        + username
        + ", password="
        + (password == null ? "null" : "[REDACTED]")
        + "]";
  }
}
