package io.github.cfcontainers.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.deploy.WorkerSecret;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

class SecretsResolverTest {

  /**
   * {@code tok_fixture-Secret-7f3a9c} encrypted under credentials/settings-security.xml (see its
   * README).
   */
  private static final String ENCRYPTED =
      "{JFAAN/oWKq0HlJujnHFnToj8z+/BkhlrGn+SyrHZNQ4GUkAzNP2dqsu0vbpFKo8I}";

  private static final String DECRYPTED = "tok_fixture-Secret-7f3a9c";

  private final Map<String, String> environment = new HashMap<>();
  private final Settings settings = new Settings();

  private SecretsResolver resolver() {
    try {
      var security =
          Path.of(getClass().getResource("/credentials/settings-security.xml").toURI()).toString();
      var decrypter =
          new DefaultSettingsDecrypter(
              new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), security));
      return new SecretsResolver(environment::get, new SettingsServers(settings, decrypter));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Secret secret(String name, String env, String server) {
    var s = new Secret();
    s.name = name;
    s.env = env;
    s.server = server;
    return s;
  }

  @Test
  void theValueComesFromTheEnvironmentVariableOfTheSameNameByDefault() {
    environment.put("API_KEY", "k-123");

    var secrets = resolver().resolve(List.of(secret("API_KEY", null, null)));

    assertThat(secrets)
        .containsExactly(new WorkerSecret("API_KEY", "environment variable API_KEY", "k-123"));
  }

  @Test
  void envNamesAnotherVariable() {
    environment.put("API_KEY", "wrong");
    environment.put("ORDERS_API_KEY", "right");

    assertThat(
            resolver().resolve(List.of(secret("API_KEY", "ORDERS_API_KEY", null))).get(0).value())
        .isEqualTo("right");
  }

  @Test
  void aSettingsServerIsDecryptedAndTakenBeforeTheEnvironment() {
    environment.put("API_KEY", "from-env");
    var server = new Server();
    server.setId("orders-api-key");
    server.setPassword(ENCRYPTED);
    settings.addServer(server);

    var secret = resolver().resolve(List.of(secret("API_KEY", null, "orders-api-key"))).get(0);

    assertThat(secret.value()).isEqualTo(DECRYPTED);
    assertThat(secret.source()).isEqualTo("settings.xml server 'orders-api-key' (password)");
  }

  @Test
  void aMissingValueIsASettingErrorSayingWhereItWasLookedFor() {
    assertThatThrownBy(() -> resolver().resolve(List.of(secret("API_KEY", "ORDERS_KEY", null))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(
            "The Worker secret API_KEY has no value (environment variable ORDERS_KEY is not set)")
        .satisfies(
            e -> assertThat(((InvalidSettingException) e).fix()).contains("export ORDERS_KEY="));
  }

  @Test
  void aServerSettingsXmlDoesNotHaveIsASettingError() {
    assertThatThrownBy(() -> resolver().resolve(List.of(secret("API_KEY", null, "nope"))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining(
            "names the settings.xml server 'nope', which settings.xml does not have");
  }

  @Test
  void aSecretWithoutANameIsRefused() {
    assertThatThrownBy(() -> SecretsResolver.declared(List.of(secret(" ", null, null))))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("A <secret> has no <name>");
  }

  @Test
  void declaredSecretsCarryNoValueAndNeedNone() {
    var declared = SecretsResolver.declared(List.of(secret("API_KEY", null, null)));

    assertThat(declared)
        .containsExactly(WorkerSecret.withoutValue("API_KEY", "environment variable API_KEY"));
  }

  @Test
  void aSecretsToStringNeverShowsItsValue() {
    assertThat(new WorkerSecret("API_KEY", "env", "s3cr3t-value").toString())
        .doesNotContain("s3cr3t-value")
        .contains("[REDACTED]");
  }
}
