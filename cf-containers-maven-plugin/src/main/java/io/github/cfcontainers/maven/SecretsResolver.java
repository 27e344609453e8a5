package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.deploy.WorkerSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds each {@code <secret>}'s value: the settings.xml {@code <server>} when named (password,
 * decrypted), else the environment variable {@code <env>} (default: the secret's name). Never from
 * the POM; never printed.
 */
final class SecretsResolver {

  private static final Setting SECRETS = Setting.of("worker", "secrets");

  private final Function<String, String> environment;
  private final SettingsServers servers;

  SecretsResolver(Function<String, String> environment, SettingsServers servers) {
    this.environment = environment;
    this.servers = servers;
  }

  /** Names and sources only, for goals that upload nothing (cf:types, cf:status). */
  static List<WorkerSecret> declared(List<Secret> secrets) {
    var result = new ArrayList<WorkerSecret>();
    for (Secret s : secrets == null ? List.<Secret>of() : secrets) {
      result.add(WorkerSecret.withoutValue(name(s), source(s)));
    }
    return List.copyOf(result);
  }

  /**
   * With their values; a missing one fails naming where it was looked for, before anything remote
   * changes.
   */
  List<WorkerSecret> resolve(List<Secret> secrets) {
    var result = new ArrayList<WorkerSecret>();
    for (Secret s : secrets == null ? List.<Secret>of() : secrets) {
      String name = name(s);
      String value;
      if (!isBlank(s.server)) {
        var server = servers.decrypted(s.server.trim(), SECRETS);
        if (server == null) {
          throw new InvalidSettingException(
              SECRETS,
              "The Worker secret "
                  + name
                  + " names the settings.xml server '"
                  + s.server.trim()
                  + "', which settings.xml does not have.",
              "add <server><id>"
                  + s.server.trim()
                  + "</id><password>…</password></server> to settings.xml"
                  + " (encrypt it with 'mvn --encrypt-password'), or remove <server> to read $"
                  + envName(s));
        }
        value = server.getPassword();
      } else {
        value = environment.apply(envName(s));
      }
      if (value == null || value.isEmpty()) {
        throw new InvalidSettingException(
            SECRETS,
            "The Worker secret "
                + name
                + " has no value ("
                + source(s)
                + " is "
                + (value == null ? "not set" : "empty")
                + ").",
            isBlank(s.server)
                ? "export "
                    + envName(s)
                    + "=… in the environment that runs Maven (a CI secret), or"
                    + " set <server> to a settings.xml server whose password holds it"
                : "put the value as <password> of that server in settings.xml");
      }
      result.add(new WorkerSecret(name, source(s), value));
    }
    return List.copyOf(result);
  }

  private static String name(Secret s) {
    if (isBlank(s.name)) {
      throw new InvalidSettingException(
          SECRETS,
          "A <secret> has no <name>.",
          "give it the binding name the Worker reads, e.g. <name>API_KEY</name>");
    }
    return s.name.trim();
  }

  private static String envName(Secret s) {
    return isBlank(s.env) ? s.name.trim() : s.env.trim();
  }

  private static String source(Secret s) {
    return !isBlank(s.server)
        ? "settings.xml server '" + s.server.trim() + "' (password)"
        : "environment variable " + envName(s);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
