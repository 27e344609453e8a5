package io.github.cfcontainers.maven;

import io.github.cfcontainers.cloudflare.ApiToken;
import io.github.cfcontainers.cloudflare.CloudflareClientConfig;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Setting;
import java.util.function.Function;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Finds the account id and API token: the plugin configuration first, then the environment ({@code
 * CLOUDFLARE_API_TOKEN}, {@code CLOUDFLARE_ACCOUNT_ID}), then a {@code settings.xml} server
 * (username = account id, password = token, decrypted).
 */
final class CredentialsResolver {

  private final Function<String, String> environment;
  private final SettingsServers servers;

  CredentialsResolver(
      Function<String, String> environment, Settings settings, SettingsDecrypter decrypter) {
    this.environment = environment;
    this.servers = new SettingsServers(settings, decrypter);
  }

  Credentials resolve(String configuredAccountId, String configuredToken, String serverId) {
    Server server = server(serverId);
    String account = configuredAccountId;
    String accountSource = "<accountId> / -D" + PropertyNames.ACCOUNT_ID;
    if (isBlank(account)) {
      account = environment.apply(CfProperties.ENV_ACCOUNT_ID);
      accountSource = "environment " + CfProperties.ENV_ACCOUNT_ID;
    }
    if (isBlank(account) && server != null) {
      account = server.getUsername();
      accountSource = "settings.xml server '" + serverId + "' (username)";
    }
    String token = configuredToken;
    String tokenSource = "<apiToken>";
    if (isBlank(token)) {
      token = environment.apply(CfProperties.ENV_API_TOKEN);
      tokenSource = "environment " + CfProperties.ENV_API_TOKEN;
    }
    if (isBlank(token) && server != null) {
      token = server.getPassword();
      tokenSource = "settings.xml server '" + serverId + "' (password)";
    }
    if (isBlank(account)) {
      throw new InvalidSettingException(
          Setting.of("accountId").withProperty(PropertyNames.ACCOUNT_ID),
          "No Cloudflare account id.",
          "export "
              + CfProperties.ENV_ACCOUNT_ID
              + ", set <accountId>, or put it as"
              + " <username> of the <server><id>"
              + serverId
              + "</id> in settings.xml");
    }
    account = account.trim();
    if (!CloudflareClientConfig.isAccountId(account)) {
      throw new InvalidSettingException(
          Setting.of("accountId").withProperty(PropertyNames.ACCOUNT_ID),
          "The account id from " + accountSource + " is not 32 lower-case hex characters.",
          "copy the account id from the Cloudflare dashboard (Workers & Pages, right column)");
    }
    if (isBlank(token)) {
      throw new InvalidSettingException(
          Setting.of("apiToken"),
          "No Cloudflare API token.",
          "export "
              + CfProperties.ENV_API_TOKEN
              + ", or put it as <password> of the <server><id>"
              + serverId
              + "</id> in settings.xml (encrypt it with 'mvn --encrypt-password')");
    }
    return new Credentials(account, ApiToken.of(token.trim()), accountSource, tokenSource);
  }

  private Server server(String serverId) {
    return servers.decrypted(
        serverId, Setting.of("serverId").withProperty(PropertyNames.SERVER_ID));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
