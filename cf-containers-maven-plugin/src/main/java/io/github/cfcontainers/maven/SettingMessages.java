package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Setting;

/** Renders a core setting error in the user's terms: the XML element and the -D property. */
final class SettingMessages {

  private SettingMessages() {}

  static String describe(InvalidSettingException e) {
    return "Invalid plugin configuration: "
        + e.getMessage()
        + "\n  Setting: "
        + element(e.setting())
        + "\n  Fix: "
        + e.fix();
  }

  static String element(Setting setting) {
    var xml = new StringBuilder();
    setting.path().forEach(name -> xml.append('<').append(name).append('>'));
    setting.container().ifPresent(container -> xml.append(" of container ").append(container));
    setting.property().ifPresent(property -> xml.append(", or -D").append(property));
    return xml.toString();
  }
}
