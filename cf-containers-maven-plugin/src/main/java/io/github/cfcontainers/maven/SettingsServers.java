package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Setting;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * settings.xml servers with their passwords decrypted: for the API token and for Worker secrets.
 */
final class SettingsServers {

  private final Settings settings;
  private final SettingsDecrypter decrypter;

  SettingsServers(Settings settings, SettingsDecrypter decrypter) {
    this.settings = settings;
    this.decrypter = decrypter;
  }

  /**
   * The decrypted server, or null when settings.xml has none of that id; fails on the decrypter's
   * errors rather than using a still-encrypted value.
   *
   * @param setting the element that named the server, for the error message
   */
  Server decrypted(String serverId, Setting setting) {
    Server server = settings == null ? null : settings.getServer(serverId);
    if (server == null) {
      return null;
    }
    var result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() == SettingsProblem.Severity.ERROR
          || problem.getSeverity() == SettingsProblem.Severity.FATAL) {
        throw new InvalidSettingException(
            setting,
            "Cannot decrypt the password of the settings.xml server '"
                + serverId
                + "': "
                + problem.getMessage(),
            "check settings-security.xml (the master password) or re-encrypt with 'mvn --encrypt-password'");
      }
    }
    return result.getServer();
  }
}
