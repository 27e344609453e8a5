package io.github.cfcontainers.cloudflare.model;

/**
 * Short-lived registry credentials: {@code {account_id, registry_host, username, password}}. {@link
 * #toString()} hides the password.
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
