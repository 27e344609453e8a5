package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        .isInstanceOf(InvalidBaseUrlException.class)
        .hasMessageContaining("http:// or https://");
    assertThatThrownBy(
            () ->
                CloudflareClientConfig.resolveBaseUrl(
                    null, Map.of("CLOUDFLARE_API_BASE_URL", "not a url")::get))
        .isInstanceOf(InvalidBaseUrlException.class)
        .hasMessageContaining("CLOUDFLARE_API_BASE_URL");
    assertThatThrownBy(
            () -> CloudflareClientConfig.resolveBaseUrl("https://u:p@h/client/v4", n -> null))
        .isInstanceOf(InvalidBaseUrlException.class)
        .hasMessageContaining("credentials");
    assertThatThrownBy(() -> CloudflareClientConfig.resolveBaseUrl("not a url", n -> null))
        .isInstanceOf(InvalidBaseUrlException.class)
        .hasMessage(
            "Invalid Cloudflare API base URL from the configured base URL:"
                + " it must be an http:// or https:// URL.");
  }

  @Test
  void accountIdMustBe32LowercaseHex() {
    assertThat(CloudflareClientConfig.requireAccountId(ACCOUNT)).isEqualTo(ACCOUNT);
    assertThat(CloudflareClientConfig.isAccountId(ACCOUNT)).isTrue();
    for (String bad :
        new String[] {
          null,
          "",
          ACCOUNT.toUpperCase(),
          ACCOUNT + "0",
          ACCOUNT.substring(1),
          "0123456789abcdef0123456789abcdeg"
        }) {
      assertThat(CloudflareClientConfig.isAccountId(bad)).as(bad).isFalse();
      assertThatThrownBy(() -> CloudflareClientConfig.requireAccountId(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("32 lowercase hexadecimal");
    }
  }

  @Test
  void theClientUsesTheGivenBaseUrl() {
    try (CloudflareApi api =
        new CloudflareApi(
            CloudflareClientConfig.builder(ACCOUNT, TOKEN)
                .baseUrl("http://127.0.0.1:9/client/v4")
                .build())) {
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
