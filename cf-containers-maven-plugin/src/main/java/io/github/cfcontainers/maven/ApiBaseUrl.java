package io.github.cfcontainers.maven;

import io.github.cfcontainers.cloudflare.CloudflareClientConfig;
import io.github.cfcontainers.cloudflare.InvalidBaseUrlException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Setting;

/** The API client's base URL check in the user's terms: {@code <apiBaseUrl>} / -Dcf.apiBaseUrl. */
final class ApiBaseUrl {

  static final Setting SETTING = Setting.of("apiBaseUrl").withProperty(PropertyNames.API_BASE_URL);

  static final String FIX =
      "use "
          + CloudflareClientConfig.DEFAULT_BASE_URL
          + " (or an emulator's http://127.0.0.1:<port>/client/v4),"
          + " through <apiBaseUrl>, -D"
          + PropertyNames.API_BASE_URL
          + " or "
          + CloudflareClientConfig.BASE_URL_ENV;

  private ApiBaseUrl() {}

  static InvalidSettingException invalid(InvalidBaseUrlException e) {
    return new InvalidSettingException(SETTING, e.getMessage(), FIX);
  }
}
