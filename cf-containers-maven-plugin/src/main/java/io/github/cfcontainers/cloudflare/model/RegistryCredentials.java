package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Short-lived registry credentials: {@code {account_id, registry_host, username, password}}. {@link
 * #toString()} hides the password.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
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
