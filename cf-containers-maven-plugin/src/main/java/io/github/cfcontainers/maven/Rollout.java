package io.github.cfcontainers.maven;

import io.github.cfcontainers.config.RolloutConfig;
import java.util.List;

/**
 * {@code <rollout>} of a container as written in the POM (text, unvalidated; validated into
 * deploy.RolloutPolicy): how an update reaches running instances.
 */
public class Rollout implements RolloutConfig {

  /** {@code rolling} (default) or {@code immediate} (100 % at once). */
  String strategy;

  /** One of 5, 10, 20, 25, 50, 100 (text: see WrittenNumbers in config). */
  String stepPercentage;

  /** Or an ascending list within 10..100 ending at 100. */
  List<String> steps;

  /**
   * Seconds an old instance keeps serving before the rollout replaces it (0 or more); default: not
   * set.
   */
  String activeGracePeriod;

  // The raw view the resolvers read: the fields as Maven injected them.

  @Override
  public String strategy() {
    return strategy;
  }

  @Override
  public String stepPercentage() {
    return stepPercentage;
  }

  @Override
  public List<String> steps() {
    return steps;
  }

  @Override
  public String activeGracePeriod() {
    return activeGracePeriod;
  }
}
