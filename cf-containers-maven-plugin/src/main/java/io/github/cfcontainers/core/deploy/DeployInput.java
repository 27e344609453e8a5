package io.github.cfcontainers.core.deploy;

import java.util.List;

/** A container's application settings as written; nulls mean "use the default". */
public record DeployInput(
    String binding,
    String instanceType,
    Double vcpu,
    Integer memoryMib,
    Integer diskMb,
    Integer maxInstances,
    String schedulingPolicy,
    List<String> regions,
    String jurisdiction,
    List<Integer> tiers,
    Boolean observability,
    String rolloutStrategy,
    Integer rolloutStepPercentage,
    List<Integer> rolloutSteps,
    Boolean adopt,
    String renamedFrom) {

  public static final DeployInput DEFAULTS =
      new DeployInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
