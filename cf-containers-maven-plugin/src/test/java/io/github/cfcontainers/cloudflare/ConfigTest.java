package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Setting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  private static final ApiToken TOKEN = ApiToken.of("t");

  @Test
  void baseUrlExplicitThenEnvironmentThenDefault() {
    Map<String, String> env = Map.of("CLOUDFLARE_API_BASE_URL", "http://127.0.0.1:8787/client/v4");
    assertThat(
            CloudflareClientConfig.builder(ACCOUNT, TOKEN)
                .environment(env::get)
                .baseUrl("http://localhost:1/x")
                .build()
                .baseUrl())
        .hasToString("http://localhost:1/x/");
    assertThat(
            CloudflareClientConfig.builder(ACCOUNT, TOKEN).environment(env::get).build().baseUrl())
        .hasToString("http://127.0.0.1:8787/client/v4/");
    assertThat(
            CloudflareClientConfig.builder(ACCOUNT, TOKEN)
                .environment(env::get)
                .baseUrl("  ")
                .build()
                .baseUrl())
        .hasToString("http://127.0.0.1:8787/client/v4/");
    assertThat(
            CloudflareClientConfig.builder(ACCOUNT, TOKEN).environment(n -> null).build().baseUrl())
        .hasToString("https://api.cloudflare.com/client/v4/");
    assertThat(
            CloudflareClientConfig.builder(ACCOUNT, TOKEN).environment(n -> "").build().baseUrl())
        .hasToString("https://api.cloudflare.com/client/v4/");
  }

  @Test
  void badBaseUrls() {
    assertThatThrownBy(() -> CloudflareClientConfig.resolveBaseUrl("ftp://x", n -> null))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("http:// or https://");
    assertThatThrownBy(
            () ->
                CloudflareClientConfig.resolveBaseUrl(
                    null, Map.of("CLOUDFLARE_API_BASE_URL", "not a url")::get))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("CLOUDFLARE_API_BASE_URL");
    assertThatThrownBy(
            () -> CloudflareClientConfig.resolveBaseUrl("https://u:p@h/client/v4", n -> null))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("credentials");
    assertThatThrownBy(() -> CloudflareClientConfig.resolveBaseUrl("not a url", n -> null))
        .isInstanceOf(InvalidSettingException.class)
        .satisfies(
            e ->
                assertThat(((InvalidSettingException) e).setting())
                    .isEqualTo(
                        Setting.of("apiBaseUrl")
                            .withProperty(io.github.cfcontainers.maven.CfProperties.API_BASE_URL)))
        .satisfies(
            e ->
                assertThat(((InvalidSettingException) e).fix())
                    .contains("/client/v4")
                    .contains("-Dcf.apiBaseUrl")
                    .contains("CLOUDFLARE_API_BASE_URL"));
  }

  @Test
  void accountIdMustBe32LowercaseHex() {
    assertThat(CloudflareClientConfig.requireAccountId(ACCOUNT)).isEqualTo(ACCOUNT);
    for (String bad :
        new String[] {
          null,
          "",
          ACCOUNT.toUpperCase(),
          ACCOUNT + "0",
          ACCOUNT.substring(1),
          "0123456789abcdef0123456789abcdeg"
        }) {
      assertThatThrownBy(() -> CloudflareClientConfig.requireAccountId(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("32 lowercase hexadecimal");
    }
  }

  @Test
  void convenienceConstructorUsesTheGivenBaseUrl() {
    try (CloudflareApi api = new CloudflareApi("http://127.0.0.1:9/client/v4", ACCOUNT, TOKEN)) {
      assertThat(api.baseUrl()).isEqualTo("http://127.0.0.1:9/client/v4/");
      assertThat(api.accountId()).isEqualTo(ACCOUNT);
    }
  }

  @Test
  void retryPolicyValidation() {
    assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
  }
}
