package io.github.cfcontainers.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.cloudflare.model.RegistryCredentials;
import io.github.cfcontainers.cloudflare.model.SecretTextBinding;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/** The token must not appear in any message, toString, event or serialized exception. */
class RedactionTest extends ApiTestSupport {

  @Test
  void tokenTypesAreRedacted() {
    ApiToken token = ApiToken.of(TOKEN);
    assertThat(token.toString()).isEqualTo("ApiToken[REDACTED]").doesNotContain(TOKEN);
    assertThat(String.valueOf(token)).doesNotContain(TOKEN);
    assertThat(ApiToken.of("  " + TOKEN + "\n")).isEqualTo(token);
    CloudflareClientConfig config =
        CloudflareClientConfig.builder(ACCOUNT, token).environment(n -> null).build();
    assertThat(config.toString()).doesNotContain(TOKEN).contains(ACCOUNT);
    assertThat(api.toString()).doesNotContain(TOKEN);
    assertThat(new SecretTextBinding("K", "value-xyz").toString()).doesNotContain("value-xyz");
    assertThat(
            new RegistryCredentials(ACCOUNT, "registry.cloudflare.com", "v1", "pw-xyz").toString())
        .doesNotContain("pw-xyz");
  }

  @Test
  void badTokensAreRejectedWithoutEchoingThem() {
    assertThatThrownBy(() -> ApiToken.of("   ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApiToken.of("abc def-SECRETPART"))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRETPART"));
    assertThatThrownBy(() -> ApiToken.of("abc\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokenSwappedForTheAccountIdIsNotEchoed() {
    assertThatThrownBy(() -> CloudflareClientConfig.builder(TOKEN, ApiToken.of(ACCOUNT)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }

  @Test
  void noTokenInAnyFailureMessageEventOrSerializedException() throws Exception {
    useClient(config(RetryPolicy.NONE));
    List<Throwable> failures = new ArrayList<>();
    // a server that echoes the token back in its error message
    enqueue(
        error(400, 10000, "bad token " + TOKEN),
        error(
            400, 1000, "{\"error\":\"VALIDATE_INPUT\",\"details\":{\"token\":\"" + TOKEN + "\"}}"),
        new MockResponse()
            .setResponseCode(502)
            .setHeader("Content-Type", "text/html")
            .setBody("<p>Authorization: Bearer " + TOKEN + "</p>"),
        new MockResponse()
            .setResponseCode(200)
            .setHeader("Content-Type", "text/html")
            .setBody("<p>" + TOKEN + "</p>"),
        new MockResponse()
            .setResponseCode(403)
            .setHeader("cf-mitigated", "challenge")
            .setBody("<p>" + TOKEN + "</p>"));
    for (int i = 0; i < 5; i++) {
      try {
        api.listScripts();
      } catch (CloudflareApiException e) {
        failures.add(e);
      }
    }
    assertThat(failures).hasSize(5);
    for (Throwable t : failures) {
      CloudflareApiException e = (CloudflareApiException) t;
      assertThat(e.getMessage()).doesNotContain(TOKEN);
      assertThat(e.toString()).doesNotContain(TOKEN);
      assertThat(String.valueOf(e.errors())).doesNotContain(TOKEN);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(e); // the whole exception, as a forked build or a report might do
      }
      assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
    }
    assertThat(((CloudflareApiException) failures.get(0)).messages())
        .containsExactly("bad token [REDACTED]");
    for (ApiCallEvent ev : events) {
      assertThat(ev.toString()).doesNotContain(TOKEN);
      assertThat(ev.describe()).doesNotContain(TOKEN);
    }
  }

  @Test
  void eventsCarryMethodPathStatusButNoQuery() {
    enqueue(ok("null"));
    api.deleteScript("my-worker", true);
    assertThat(events).hasSize(1);
    ApiCallEvent ev = events.get(0);
    assertThat(ev.method()).isEqualTo("DELETE");
    assertThat(ev.path()).isEqualTo("/accounts/" + ACCOUNT + "/workers/scripts/my-worker");
    assertThat(ev.status()).isEqualTo(200);
    assertThat(ev.attempt()).isEqualTo(1);
    assertThat(ev.durationMs()).isGreaterThanOrEqualTo(0);
    assertThat(ev.describe())
        .startsWith(
            "Cloudflare API DELETE /accounts/" + ACCOUNT + "/workers/scripts/my-worker -> 200 (")
        .doesNotContain("force");
  }

  @Test
  void aThrowingListenerDoesNotBreakCalls() {
    useClient(
        config(RetryPolicy.NONE)
            .listener(
                e -> {
                  throw new IllegalStateException("boom");
                }));
    enqueue(ok("[]"));
    assertThat(api.listScripts()).isEmpty();
  }
}
