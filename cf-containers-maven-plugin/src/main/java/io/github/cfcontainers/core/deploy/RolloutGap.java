package io.github.cfcontainers.core.deploy;

import io.github.cfcontainers.cloudflare.Application;
import io.github.cfcontainers.cloudflare.Rollout;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an application's configuration is ahead of what its instances run: the PATCH of an earlier deploy took,
 * its rollout did not (the POST failed). Decided from the application's {@code version} and the latest rollout's
 * {@code target_version} (containers-shared: Application.version, ApplicationRollout.target_version), else from the
 * latest rollout's {@code target_configuration}; every field may be missing, and when nothing can be told the answer
 * is "no gap" (a needless rollout restarts every instance).
 */
final class RolloutGap {

  private RolloutGap() {
  }

  /** Why a rollout of the current configuration is due, or empty. */
  static Optional<String> of(Application app, List<Rollout> rollouts) {
    Integer version = app.version();
    if (app.activeRolloutId() != null) {
      // A rollout is under way: only one that targets an older version than the application's leaves a gap.
      var active = rollouts.stream().filter(r -> app.activeRolloutId().equals(r.id())).findFirst();
      Long target = active.map(Rollout::targetVersionNumber).orElse(null);
      return version != null && target != null && version > target
          ? Optional.of("version " + version + " is not rolled out (the active rollout " + app.activeRolloutId()
              + " targets version " + target + ")")
          : Optional.empty();
    }
    if (rollouts.isEmpty()) {
      // Created at version 1 and never rolled out since: a later version was patched in without its rollout.
      return version != null && version > 1
          ? Optional.of("version " + version + " was never rolled out (no rollout since the application was created)")
          : Optional.empty();
    }
    Optional<Rollout> latest = latest(rollouts);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    Long target = latest.get().targetVersionNumber();
    if (version != null && target != null) {
      return version > target
          ? Optional.of("version " + version + " is not rolled out (the last rollout, " + latest.get().id()
              + ", targets version " + target + ")")
          : Optional.empty();
    }
    var targetConfiguration = latest.get().targetConfiguration();
    if (targetConfiguration == null || app.configuration() == null) {
      return Optional.empty();
    }
    boolean imageDiffers = targetConfiguration.image() != null && app.configuration().image() != null
        && !Objects.equals(targetConfiguration.image(), app.configuration().image());
    EffectiveSize rolled = EffectiveSize.of(targetConfiguration);
    EffectiveSize now = EffectiveSize.of(app.configuration());
    boolean sizeDiffers = rolled.isComplete() && now.isComplete() && !EffectiveSize.diff(rolled, now).isEmpty();
    return imageDiffers || sizeDiffers
        ? Optional.of("the configuration is not rolled out (the last rollout, " + latest.get().id()
            + ", rolled out " + (imageDiffers ? targetConfiguration.image() : "another size") + ")")
        : Optional.empty();
  }

  /** The highest target_version, else the latest created_at (ISO-8601 UTC sorts as text); else unknown. */
  private static Optional<Rollout> latest(List<Rollout> rollouts) {
    if (rollouts.stream().allMatch(r -> r.targetVersionNumber() != null)) {
      return rollouts.stream().max(Comparator.comparing(Rollout::targetVersionNumber));
    }
    if (rollouts.stream().allMatch(r -> r.createdAt() != null)) {
      return rollouts.stream().max(Comparator.comparing(Rollout::createdAt));
    }
    return rollouts.size() == 1 ? Optional.of(rollouts.get(0)) : Optional.empty();
  }
}
