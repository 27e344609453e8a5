package io.github.cfcontainers.core.deploy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The Worker as it should be on Cloudflare. */
public record WorkerDeployment(
    String name,
    LocalDate compatibilityDate,
    List<String> compatibilityFlags,
    Map<String, String> vars,
    boolean observability,
    boolean workersDev) {

  public WorkerDeployment {
    compatibilityFlags = List.copyOf(compatibilityFlags);
    vars = Map.copyOf(vars);
  }
}
