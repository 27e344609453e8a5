package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.CloudflareApiException;
import io.github.cfcontainers.cloudflare.model.RegistryCredentials;

/**
 * The account registry's push credentials, minted on the first use only: a deploy that neither
 * reads nor pushes a manifest there mints none.
 */
final class PushCredentials {

  /** Pushes of large images outlive the API's 15-minute default. */
  static final int CREDENTIAL_MINUTES = 60;

  private final CloudflareApi api;
  private final String registryHost;
  private RegistryAuth auth;

  PushCredentials(CloudflareApi api, String registryHost) {
    this.api = api;
    this.registryHost = registryHost;
  }

  String registryHost() {
    return registryHost;
  }

  RegistryAuth auth() {
    if (auth == null) {
      var credentials = mint();
      auth = new RegistryAuth(registryHost, credentials.username(), credentials.password());
    }
    return auth;
  }

  /**
   * A registry host the account has not got (a wrong -Dcf.registry) is a setting to fix, not a raw
   * API error.
   */
  private RegistryCredentials mint() {
    try {
      return api.createPushCredentials(registryHost, CREDENTIAL_MINUTES);
    } catch (CloudflareApiException e) {
      throw MissingRegistry.explain(
          e,
          "The account has no registry "
              + registryHost
              + " to push to (HTTP "
              + e.httpStatus()
              + ", "
              + (e.errorName() == null ? "no error name" : e.errorName())
              + "). "
              + DeployService.NOTHING_CHANGED,
          "this account's registry host");
    }
  }
}
