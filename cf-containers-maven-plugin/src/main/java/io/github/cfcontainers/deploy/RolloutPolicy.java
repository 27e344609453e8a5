package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.cloudflare.model.RolloutCreateRequest;
import java.util.List;

/**
 * How an update reaches the running instances: the validated view of the POM's {@code <rollout>}
 * (maven.Rollout), written to the API as a RolloutCreateRequest.
 *
 * @param stepPercentage one of 5, 10, 20, 25, 50, 100; or null when {@code steps} is given
 * @param steps an ascending list within 10..100 ending at 100; empty when {@code stepPercentage} is
 *     given
 * @param activeGracePeriod seconds an old instance keeps serving before a rollout replaces it (the
 *     application's {@code rollout_active_grace_period}); null when not configured: then neither
 *     sent nor compared
 */
public record RolloutPolicy(
    String strategy, Integer stepPercentage, List<Integer> steps, Integer activeGracePeriod) {

  public static final List<Integer> STEP_PERCENTAGES = List.of(5, 10, 20, 25, 50, 100);
  public static final RolloutPolicy DEFAULT = new RolloutPolicy("rolling", 25, List.of(), null);

  /**
   * wrangler's {@code --containers-rollout=immediate}: {@code step_percentage} 100
   * (containers/config.ts).
   */
  public static final RolloutPolicy IMMEDIATE = new RolloutPolicy("rolling", 100, List.of(), null);

  public RolloutPolicy {
    steps = List.copyOf(steps);
  }

  public RolloutPolicy withActiveGracePeriod(Integer seconds) {
    return new RolloutPolicy(strategy, stepPercentage, steps, seconds);
  }

  /**
   * The rollout body as containers-shared's CreateApplicationRolloutRequest has it: {@code
   * strategy} "rolling" (the only one it knows), {@code kind} "full_auto", and exactly one of
   * {@code step_percentage} or {@code steps} ({@code [{step_size:{percentage}, description}]}, as
   * wrangler's configRolloutStepsToAPI builds them).
   */
  public RolloutCreateRequest request(String description, ApplicationConfiguration target) {
    if (!steps.isEmpty()) {
      var list =
          steps.stream()
              .map(p -> RolloutCreateRequest.Step.percentage(p, "to " + p + " %"))
              .toList();
      return new RolloutCreateRequest(description, "rolling", "full_auto", null, list, target);
    }
    return RolloutCreateRequest.rolling(description, stepPercentage, target);
  }
}
