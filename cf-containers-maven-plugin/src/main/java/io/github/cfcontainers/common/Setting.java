package io.github.cfcontainers.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names one user setting in plain terms: the element path under the plugin's configuration, the
 * user property that sets it (if any), and which container it belongs to. The Maven layer renders
 * it as XML; the core never needs to.
 */
public record Setting(List<String> path, Optional<String> property, Optional<String> container) {

  public Setting {
    path = List.copyOf(path);
  }

  public static Setting of(String... path) {
    return new Setting(List.of(path), Optional.empty(), Optional.empty());
  }

  public Setting withProperty(String property) {
    return new Setting(path, Optional.of(property), container);
  }

  /** The same setting inside {@code <containers><container>} of the named container. */
  public static Setting ofContainer(String containerLabel, String... path) {
    var full = new ArrayList<String>();
    full.add("containers");
    full.add("container");
    full.addAll(List.of(path));
    return new Setting(full, Optional.empty(), Optional.of(containerLabel));
  }
}
