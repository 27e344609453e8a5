package io.github.cfcontainers.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cfcontainers.cloudflare.CloudflareClientConfig;
import io.github.cfcontainers.cloudflare.InvalidBaseUrlException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Setting;
import org.junit.jupiter.api.Test;

/** The client's base URL refusal, in the user's terms (moved from the client's ConfigTest). */
class ApiBaseUrlTest {

  @Test
  void aBadBaseUrlNamesTheSettingAndTheFix() {
    var refused =
        catchThrowableOfType(
            InvalidBaseUrlException.class,
            () -> CloudflareClientConfig.resolveBaseUrl("not a url", n -> null));
    var e = ApiBaseUrl.invalid(refused);
    assertThat(e.getMessage()).isEqualTo(refused.getMessage());
    assertThat(e.setting())
        .isEqualTo(Setting.of("apiBaseUrl").withProperty(PropertyNames.API_BASE_URL));
    assertThat(e.fix())
        .contains("/client/v4")
        .contains("-Dcf.apiBaseUrl")
        .contains("CLOUDFLARE_API_BASE_URL");
    assertThat(SettingMessages.describe(e))
        .contains("<apiBaseUrl>, or -Dcf.apiBaseUrl")
        .contains("must be an http:// or https:// URL");
  }
}
