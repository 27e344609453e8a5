package io.github.cfcontainers.deploy;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.config.RolloutConfig;
import io.github.cfcontainers.config.WrittenNumbers;
import java.util.List;
import java.util.Locale;

/**
 * A container's {@code <rollout>} validated into a {@link RolloutPolicy}, for the deployment
 * resolver.
 */
final class RolloutRules {

  private RolloutRules() {}

  static RolloutPolicy resolve(String label, RolloutConfig in, WrittenNumbers numbers) {
    if (in == null) {
      return RolloutPolicy.DEFAULT;
    }
    Integer grace = numbers.whole(in.activeGracePeriod(), "rollout", "activeGracePeriod");
    // wrangler's config validation: "should be a positive number" (workers-utils
    // config/validation.ts), seconds.
    if (grace != null && grace < 0) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "rollout", "activeGracePeriod"),
          "The active grace period " + grace + " is negative.",
          "use whole seconds, 0 or more, e.g. 60");
    }
    return steps(label, in, numbers).withActiveGracePeriod(grace);
  }

  private static RolloutPolicy steps(String label, RolloutConfig in, WrittenNumbers numbers) {
    Integer stepPercentage = numbers.whole(in.stepPercentage(), "rollout", "stepPercentage");
    var writtenSteps = numbers.wholeList(in.steps(), "rollout", "steps", "step");
    String strategy =
        in.strategy() == null ? "rolling" : in.strategy().trim().toLowerCase(Locale.ROOT);
    if (!strategy.equals("rolling") && !strategy.equals("immediate")) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "rollout", "strategy"),
          "Unknown rollout strategy '" + in.strategy() + "'.",
          "use rolling or immediate");
    }
    var steps = writtenSteps == null ? List.<Integer>of() : writtenSteps;
    if (stepPercentage != null && !steps.isEmpty()) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "rollout", "steps"),
          "Both <stepPercentage> and <steps> are set.",
          "keep one of them");
    }
    if (strategy.equals("immediate")) {
      if (stepPercentage != null || !steps.isEmpty()) {
        throw new InvalidSettingException(
            Setting.ofContainer(label, "rollout", "strategy"),
            "An immediate rollout updates 100 % at once, so it takes no steps.",
            "remove <stepPercentage>/<steps>, or use the rolling strategy");
      }
      return RolloutPolicy.IMMEDIATE;
    }
    if (!steps.isEmpty()) {
      checkSteps(label, steps);
      return new RolloutPolicy("rolling", null, steps, null);
    }
    int percentage = stepPercentage == null ? 25 : stepPercentage;
    if (!RolloutPolicy.STEP_PERCENTAGES.contains(percentage)) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "rollout", "stepPercentage"),
          "A rollout step of " + percentage + " % is not allowed.",
          "use one of " + RolloutPolicy.STEP_PERCENTAGES + ", or a list of <steps>");
    }
    return new RolloutPolicy("rolling", percentage, List.of(), null);
  }

  private static void checkSteps(String label, List<Integer> steps) {
    int previous = 0;
    for (Integer step : steps) {
      if (step == null || step < 10 || step > 100 || step <= previous) {
        throw new InvalidSettingException(
            Setting.ofContainer(label, "rollout", "steps"),
            "Rollout steps " + steps + " are not an ascending list within 10..100.",
            "list ascending percentages from 10 to 100, e.g. 10, 50, 100");
      }
      previous = step;
    }
    if (previous != 100) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "rollout", "steps"),
          "Rollout steps " + steps + " do not end at 100.",
          "end the list with 100");
    }
  }
}
