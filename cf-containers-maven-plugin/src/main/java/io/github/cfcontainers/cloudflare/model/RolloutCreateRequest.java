package io.github.cfcontainers.cloudflare.model;

import java.util.List;

/**
 * The wire view of a rollout to start (deploy.RolloutPolicy writes it): {@code POST
 * /accounts/{a}/containers/applications/{id}/rollouts}, e.g. {@code
 * {"description":…,"strategy":"rolling","kind":"full_auto","step_percentage":25,"target_configuration":…}}
 * or with {@code steps} instead of {@code step_percentage}.
 */
public record RolloutCreateRequest(
    String description,
    String strategy,
    String kind,
    Integer stepPercentage,
    List<Step> steps,
    ApplicationConfiguration targetConfiguration) {

  /** {@code {"step_size":{"percentage":10},"description":…}}. */
  public record Step(StepSize stepSize, String description) {
    public static Step percentage(int percentage, String description) {
      return new Step(new StepSize(percentage), description);
    }
  }

  /** {@code step_size}. */
  public record StepSize(Integer percentage) {}

  /** A rolling, fully automatic rollout in steps of {@code stepPercentage}. */
  public static RolloutCreateRequest rolling(
      String description, int stepPercentage, ApplicationConfiguration target) {
    return new RolloutCreateRequest(
        description, "rolling", "full_auto", stepPercentage, null, target);
  }
}
