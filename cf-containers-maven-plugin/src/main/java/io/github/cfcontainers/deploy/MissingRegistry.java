package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.CloudflareApiException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Setting;

/**
 * The credentials call's answer for a registry host the account has not got (a wrong {@code
 * <registry>}): a setting to fix, not a raw API error. Shared by the push and the image deletion.
 */
public final class MissingRegistry {

  private MissingRegistry() {}

  /**
   * The setting error when {@code e} says the registry is not the account's, else {@code e} itself.
   *
   * @param fixTarget what to set {@code <registry>} to instead, e.g. "this account's registry host"
   */
  public static RuntimeException explain(
      CloudflareApiException e, String message, String fixTarget) {
    if (!e.hasErrorName("IMAGE_REGISTRY_NOT_CONFIGURED") && e.httpStatus() != 404) {
      return e;
    }
    return new InvalidSettingException(
        Setting.of("registry").withProperty(PropertyNames.REGISTRY),
        message,
        "leave <registry> and CLOUDFLARE_CONTAINER_REGISTRY unset for Cloudflare's registry"
            + " (registry.cloudflare.com), or set them to "
            + fixTarget);
  }
}
