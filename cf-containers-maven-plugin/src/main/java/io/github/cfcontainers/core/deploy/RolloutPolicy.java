package io.github.cfcontainers.core.deploy;

import java.util.List;

/**
 * How an update reaches the running instances.
 *
 * @param stepPercentage one of 5, 10, 20, 25, 50, 100; or null when {@code steps} is given
 * @param steps an ascending list within 10..100 ending at 100; empty when {@code stepPercentage} is given
 */
public record RolloutPolicy(String strategy, Integer stepPercentage, List<Integer> steps) {

  public static final List<Integer> STEP_PERCENTAGES = List.of(5, 10, 20, 25, 50, 100);
  public static final RolloutPolicy DEFAULT = new RolloutPolicy("rolling", 25, List.of());
  public static final RolloutPolicy IMMEDIATE = new RolloutPolicy("rolling", 100, List.of());

  public RolloutPolicy {
    steps = List.copyOf(steps);
  }
}
