package io.github.cfcontainers.config;

import io.github.cfcontainers.deploy.WorkerSecret;
import java.util.List;
import java.util.Map;

/** The Worker's deploy settings as written; nulls mean "use the default". */
public record WorkerInput(
    String compatibilityDate,
    List<String> compatibilityFlags,
    Map<String, String> vars,
    Boolean observability,
    Boolean workersDev,
    List<WorkerSecret> secrets,
    boolean uploadSecrets) {

  public static final WorkerInput DEFAULTS = new WorkerInput(null, null, null, null, null);

  /** Without secrets. */
  public WorkerInput(
      String compatibilityDate,
      List<String> compatibilityFlags,
      Map<String, String> vars,
      Boolean observability,
      Boolean workersDev) {
    this(compatibilityDate, compatibilityFlags, vars, observability, workersDev, List.of(), false);
  }

  public WorkerInput {
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
  }
}
