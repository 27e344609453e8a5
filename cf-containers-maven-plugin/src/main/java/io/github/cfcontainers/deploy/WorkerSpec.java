package io.github.cfcontainers.deploy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Worker as it should be on Cloudflare, validated from the POM's {@code <worker>}. */
public record WorkerSpec(
    String name,
    LocalDate compatibilityDate,
    List<String> compatibilityFlags,
    Map<String, String> vars,
    boolean observability,
    boolean workersDev,
    List<WorkerSecret> secrets,
    boolean uploadSecrets) {

  public WorkerSpec {
    compatibilityFlags = List.copyOf(compatibilityFlags);
    vars = Map.copyOf(vars);
    secrets = List.copyOf(secrets);
  }

  /**
   * The names in {@code env} that vars and secrets take: a container binding may use none of them.
   */
  public Set<String> bindingNames() {
    var names = new HashSet<>(vars.keySet());
    secrets.forEach(s -> names.add(s.name()));
    return Set.copyOf(names);
  }
}
