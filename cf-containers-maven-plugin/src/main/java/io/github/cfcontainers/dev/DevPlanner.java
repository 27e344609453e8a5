package io.github.cfcontainers.dev;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the POM's Worker and containers into Miniflare options: pure, so it is unit-tested without
 * Node.
 */
public final class DevPlanner {

  /** Loopback only: the local Worker is for this machine. */
  public static final String HOST = "127.0.0.1";

  private DevPlanner() {}

  public static void requireValidPort(int port) {
    if (port < 1 || port > 65535) {
      throw new InvalidSettingException(
          Setting.of("devPort").withProperty(PropertyNames.DEV_PORT),
          "The local port " + port + " is not a TCP port.",
          "use a free port from 1024 to 65535 (default " + DevSettings.DEFAULT_PORT + ")");
    }
  }

  public static DevPlan plan(DevSettings settings) {
    requireValidPort(settings.port());
    var worker = settings.worker();
    var durableObjects = new LinkedHashMap<String, Object>();
    var prefixes = new ArrayList<String>();
    var images = new ArrayList<String>();
    for (DevContainer c : settings.containers()) {
      // The upload's migration makes every container class a new SQLite class; locally the state
      // starts empty each run, so that is the whole migration history (renames have nothing to
      // move).
      durableObjects.put(
          c.binding(),
          new DurableObjectOption(
              c.className(), true, new DurableObjectOption.ContainerOption(c.image())));
      prefixes.add("workerd-" + worker.name() + "-" + c.className() + "-");
      images.add(c.image());
    }
    var options = new LinkedHashMap<String, Object>();
    options.put("name", worker.name());
    options.put("scriptPath", settings.bundle().toAbsolutePath().toString());
    options.put("modules", true);
    options.put("modulesRoot", settings.bundle().toAbsolutePath().getParent().toString());
    options.put("compatibilityDate", worker.compatibilityDate().toString());
    options.put("compatibilityFlags", List.copyOf(worker.compatibilityFlags()));
    options.put("bindings", Map.copyOf(worker.vars()));
    options.put("durableObjects", durableObjects);
    // The egress image comes from MINIFLARE_CONTAINER_EGRESS_IMAGE or Miniflare's default.
    options.put(
        "containerEngine", Map.of("localDocker", Map.of("socketPath", settings.dockerHost())));
    options.put("host", HOST);
    options.put("port", settings.port());
    // false: the placeholder Request.cf, instead of fetching one from Cloudflare at every start.
    options.put("cf", false);
    return new DevPlan(
        options,
        settings.workerProject(),
        prefixes,
        images,
        "http://" + HOST + ":" + settings.port() + "/",
        worker.secrets());
  }
}
