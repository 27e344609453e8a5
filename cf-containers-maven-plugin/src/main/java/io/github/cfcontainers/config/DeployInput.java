package io.github.cfcontainers.config;

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
    String renamedFrom,
    Integer rolloutActiveGracePeriod) {

  public static final DeployInput DEFAULTS =
      new DeployInput(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null);

  /** Without an active grace period. */
  public DeployInput(
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
    this(
        binding,
        instanceType,
        vcpu,
        memoryMib,
        diskMb,
        maxInstances,
        schedulingPolicy,
        regions,
        jurisdiction,
        tiers,
        observability,
        rolloutStrategy,
        rolloutStepPercentage,
        rolloutSteps,
        adopt,
        renamedFrom,
        null);
  }
}
