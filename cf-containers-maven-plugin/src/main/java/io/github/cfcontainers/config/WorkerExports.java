package io.github.cfcontainers.config;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Setting;
import java.util.List;
import java.util.Set;

/** The Worker must export every container class from its main module, or the upload is refused. */
public final class WorkerExports {

  private WorkerExports() {}

  public static void requireExported(
      Set<String> exports, List<ContainerSpec> containers, String entryPoint) {
    for (ContainerSpec container : containers) {
      if (!exports.contains(container.className())) {
        throw new InvalidSettingException(
            Setting.ofContainer(container.label(), "className"),
            "The Worker "
                + entryPoint
                + " does not export the class "
                + container.className()
                + " (it exports "
                + (exports.isEmpty() ? "nothing" : String.join(", ", exports))
                + ").",
            "export it from the entry module (export { "
                + container.className()
                + " } from \"./container\";)"
                + " or fix <className>");
      }
    }
  }
}
