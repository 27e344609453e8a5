package io.github.cfcontainers.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.cloudflare.ApiToken;
import io.github.cfcontainers.common.InvalidSettingException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

class CredentialsResolverTest {

  private static final String SERVER_ID = "cloudflare-prod";
  private static final String CONFIG_ACCOUNT = "00000000000000000000000000000001";
  private static final String ENV_ACCOUNT = "00000000000000000000000000000002";
  private static final String SERVER_ACCOUNT = "00000000000000000000000000000003";
  private static final String CONFIG_TOKEN = "tok_config-Secret-111";
  private static final String ENV_TOKEN = "tok_env-Secret-222";
  private static final String SERVER_TOKEN = "tok_server-Secret-333";

  /**
   * {@code tok_fixture-Secret-7f3a9c} encrypted under credentials/settings-security.xml (see its
   * README).
   */
  private static final String ENCRYPTED_TOKEN =
      "{JFAAN/oWKq0HlJujnHFnToj8z+/BkhlrGn+SyrHZNQ4GUkAzNP2dqsu0vbpFKo8I}";

  private static final String DECRYPTED_TOKEN = "tok_fixture-Secret-7f3a9c";
  private static final List<String> EVERY_TOKEN =
      List.of(CONFIG_TOKEN, ENV_TOKEN, SERVER_TOKEN, DECRYPTED_TOKEN);

  private final Map<String, String> environment = new HashMap<>();

  private static Path fixture(String name) {
    try {
      return Path.of(CredentialsResolverTest.class.getResource("/credentials/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decrypter Maven itself uses, with the master password of {@code securityFile}. */
  private static DefaultSettingsDecrypter decrypter(String securityFile) {
    return new DefaultSettingsDecrypter(
        new DefaultSecDispatcher(
            new DefaultPlexusCipher(), Map.of(), fixture(securityFile).toString()));
  }

  private static Settings settingsWithServer(String username, String password) {
    var server = new Server();
    server.setId(SERVER_ID);
    server.setUsername(username);
    server.setPassword(password);
    var settings = new Settings();
    settings.addServer(server);
    return settings;
  }

  private CredentialsResolver resolver(Settings settings, String securityFile) {
    return new CredentialsResolver(environment::get, settings, decrypter(securityFile));
  }

  private CredentialsResolver resolver(Settings settings) {
    return resolver(settings, "settings-security.xml");
  }

  private void everyEnvironmentVariable() {
    environment.put("CLOUDFLARE_ACCOUNT_ID", ENV_ACCOUNT);
    environment.put("CLOUDFLARE_API_TOKEN", ENV_TOKEN);
  }

  private static void refusedWithoutLeakingATokenAndNaming(
      ThrowingCallable call, String setting, String... expected) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.setting().path()).containsExactly(setting);
              String all = e.getMessage() + "\n" + e.fix() + "\n" + e;
              for (String text : expected) {
                assertThat(all).contains(text);
              }
              for (String token : EVERY_TOKEN) {
                assertThat(all).doesNotContain(token);
              }
            });
  }

  // ------------------------------------------------------------------ order

  @Test
  void configurationComesBeforeEnvironmentAndServer() {
    everyEnvironmentVariable();

    var credentials =
        resolver(settingsWithServer(SERVER_ACCOUNT, SERVER_TOKEN))
            .resolve(CONFIG_ACCOUNT, CONFIG_TOKEN, SERVER_ID);

    assertThat(credentials.accountId()).isEqualTo(CONFIG_ACCOUNT);
    assertThat(credentials.token()).isEqualTo(ApiToken.of(CONFIG_TOKEN));
    assertThat(credentials.accountSource()).contains("<accountId>");
    assertThat(credentials.tokenSource()).isEqualTo("<apiToken>");
  }

  @Test
  void environmentComesBeforeServer() {
    everyEnvironmentVariable();

    var credentials =
        resolver(settingsWithServer(SERVER_ACCOUNT, SERVER_TOKEN)).resolve(null, " ", SERVER_ID);

    assertThat(credentials.accountId()).isEqualTo(ENV_ACCOUNT);
    assertThat(credentials.token()).isEqualTo(ApiToken.of(ENV_TOKEN));
    assertThat(credentials.accountSource()).isEqualTo("environment CLOUDFLARE_ACCOUNT_ID");
    assertThat(credentials.tokenSource()).isEqualTo("environment CLOUDFLARE_API_TOKEN");
  }

  @Test
  void serverIsTheLastResort() {
    var credentials =
        resolver(settingsWithServer(SERVER_ACCOUNT, SERVER_TOKEN)).resolve(null, null, SERVER_ID);

    assertThat(credentials.accountId()).isEqualTo(SERVER_ACCOUNT);
    assertThat(credentials.token()).isEqualTo(ApiToken.of(SERVER_TOKEN));
    assertThat(credentials.accountSource()).contains("settings.xml server '" + SERVER_ID + "'");
    assertThat(credentials.tokenSource()).contains("settings.xml server '" + SERVER_ID + "'");
  }

  @Test
  void eachValueFallsBackOnItsOwn() {
    environment.put("CLOUDFLARE_API_TOKEN", ENV_TOKEN);

    var credentials =
        resolver(settingsWithServer(SERVER_ACCOUNT, SERVER_TOKEN)).resolve(null, null, SERVER_ID);

    assertThat(credentials.accountId()).isEqualTo(SERVER_ACCOUNT);
    assertThat(credentials.token()).isEqualTo(ApiToken.of(ENV_TOKEN));
  }

  @Test
  void otherServerIdsAreIgnored() {
    everyEnvironmentVariable();
    environment.remove("CLOUDFLARE_API_TOKEN");

    refusedWithoutLeakingATokenAndNaming(
        () ->
            resolver(settingsWithServer(SERVER_ACCOUNT, SERVER_TOKEN))
                .resolve(null, null, "cloudflare-staging"),
        "apiToken",
        "<id>cloudflare-staging</id>");
  }

  @Test
  void valuesAreTrimmed() {
    var credentials =
        resolver(null).resolve("  " + CONFIG_ACCOUNT + "\n", " " + CONFIG_TOKEN + " ", SERVER_ID);

    assertThat(credentials.accountId()).isEqualTo(CONFIG_ACCOUNT);
    assertThat(credentials.token()).isEqualTo(ApiToken.of(CONFIG_TOKEN));
  }

  // ------------------------------------------------------------------ refusals

  @Test
  void accountIdThatIsNotThirtyTwoLowerCaseHexIsRefusedNamingItsSource() {
    environment.put("CLOUDFLARE_ACCOUNT_ID", "0123456789ABCDEF0123456789ABCDEF");

    refusedWithoutLeakingATokenAndNaming(
        () -> resolver(null).resolve(null, CONFIG_TOKEN, SERVER_ID),
        "accountId",
        "The account id from environment CLOUDFLARE_ACCOUNT_ID is not 32 lower-case hex characters.");
  }

  @Test
  void missingAccountIdIsRefusedWithTheWaysToSetIt() {
    refusedWithoutLeakingATokenAndNaming(
        () -> resolver(new Settings()).resolve(null, CONFIG_TOKEN, SERVER_ID),
        "accountId",
        "No Cloudflare account id.",
        "CLOUDFLARE_ACCOUNT_ID",
        "<id>" + SERVER_ID + "</id>");
  }

  @Test
  void missingTokenIsRefusedNamingTheVariableAndTheServerId() {
    environment.put("CLOUDFLARE_ACCOUNT_ID", ENV_ACCOUNT);

    refusedWithoutLeakingATokenAndNaming(
        () -> resolver(new Settings()).resolve(null, null, SERVER_ID),
        "apiToken",
        "No Cloudflare API token.",
        "CLOUDFLARE_API_TOKEN",
        "<id>" + SERVER_ID + "</id>",
        "mvn --encrypt-password");
  }

  @Test
  void tokenThatCannotBeAHeaderIsRefusedWithoutShowingIt() {
    environment.put("CLOUDFLARE_ACCOUNT_ID", ENV_ACCOUNT);
    String broken = "tok_with space-Secret-444";

    assertThatThrownBy(() -> resolver(null).resolve(null, broken, SERVER_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain(broken)
        .doesNotContain("Secret-444");
  }

  // ------------------------------------------------------------------ encrypted settings.xml

  @Test
  void encryptedServerPasswordIsDecryptedWithTheMasterPassword() {
    var credentials =
        resolver(settingsWithServer(SERVER_ACCOUNT, ENCRYPTED_TOKEN))
            .resolve(null, null, SERVER_ID);

    assertThat(credentials.token()).isEqualTo(ApiToken.of(DECRYPTED_TOKEN));
    assertThat(credentials.accountId()).isEqualTo(SERVER_ACCOUNT);
  }

  @Test
  void brokenEncryptedValueIsRefusedNamingTheServerIdSetting() {
    var settings = settingsWithServer(SERVER_ACCOUNT, "{bm90IHJlYWxseSBlbmNyeXB0ZWQgYXQgYWxs}");

    assertThatThrownBy(() -> resolver(settings).resolve(null, null, SERVER_ID))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.setting().path()).containsExactly("serverId");
              assertThat(e.setting().property()).isEqualTo(Optional.of("cf.serverId"));
              assertThat(e.getMessage())
                  .contains(
                      "Cannot decrypt the password of the settings.xml server '" + SERVER_ID + "'");
              assertThat(e.fix()).contains("settings-security.xml");
            });
  }

  @Test
  void valueEncryptedUnderAnotherMasterPasswordIsRefusedWithoutShowingIt() {
    var settings = settingsWithServer(SERVER_ACCOUNT, ENCRYPTED_TOKEN);

    refusedWithoutLeakingATokenAndNaming(
        () ->
            resolver(settings, "settings-security-other-master.xml").resolve(null, null, SERVER_ID),
        "serverId",
        SERVER_ID);
  }

  @Test
  void brokenServerPasswordFailsEvenWhenAnotherSourceHasTheToken() {
    everyEnvironmentVariable();
    var settings = settingsWithServer(SERVER_ACCOUNT, "{bm90IHJlYWxseSBlbmNyeXB0ZWQgYXQgYWxs}");

    refusedWithoutLeakingATokenAndNaming(
        () -> resolver(settings).resolve(null, null, SERVER_ID), "serverId", SERVER_ID);
  }

  // ------------------------------------------------------------------ the token stays secret

  @Test
  void resolvedCredentialsNeverShowTheToken() {
    var fromServer =
        resolver(settingsWithServer(SERVER_ACCOUNT, ENCRYPTED_TOKEN))
            .resolve(null, null, SERVER_ID);
    var fromConfig = resolver(null).resolve(CONFIG_ACCOUNT, CONFIG_TOKEN, SERVER_ID);

    for (var credentials : List.of(fromServer, fromConfig)) {
      String shown =
          credentials.toString()
              + credentials.token()
              + credentials.accountSource()
              + credentials.tokenSource();
      for (String token : EVERY_TOKEN) {
        assertThat(shown).doesNotContain(token);
      }
      assertThat(shown).doesNotContain(ENCRYPTED_TOKEN);
    }
  }
}
