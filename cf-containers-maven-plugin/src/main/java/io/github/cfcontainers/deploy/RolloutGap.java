package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.cloudflare.model.Rollout;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an application's configuration is ahead of what its instances run: the PATCH of an
 * earlier deploy took, its rollout did not (the POST failed). Decided from the latest rollout
 * (containers-shared ApplicationRollout): its {@code target_configuration} against the
 * application's {@code configuration} when it has one, else its {@code target_version} against the
 * application's {@code version}. Every field may be missing; when nothing can be told the answer is
 * "no gap" (a needless rollout restarts every instance).
 */
final class RolloutGap {

  private RolloutGap() {}

  /** Why a rollout of the current configuration is due, or empty. */
  static Optional<String> of(Application app, List<Rollout> rollouts) {
    if (app.activeRolloutId() != null) {
      // A rollout is under way: only one that targets something older than the application leaves a
      // gap.
      return rollouts.stream()
          .filter(r -> app.activeRolloutId().equals(r.id()))
          .findFirst()
          .flatMap(active -> behind(app, active, "the active rollout " + active.id()));
    }
    if (rollouts.isEmpty()) {
      // Created at version 1 and never rolled out since: a later version was patched in without its
      // rollout.
      Integer version = app.version();
      return version != null && version > 1
          ? Optional.of(
              "version "
                  + version
                  + " was never rolled out (no rollout since the application was created)")
          : Optional.empty();
    }
    return latest(rollouts)
        .flatMap(last -> behind(app, last, "the last rollout, " + last.id() + ","));
  }

  private static Optional<String> behind(Application app, Rollout rollout, String which) {
    Optional<Boolean> differs = differs(rollout.targetConfiguration(), app.configuration());
    if (differs.isPresent()) {
      return differs.get()
          ? Optional.of(
              "the configuration is not rolled out ("
                  + which
                  + " rolled out "
                  + describe(rollout.targetConfiguration())
                  + ")")
          : Optional.empty();
    }
    Integer version = app.version();
    Long target = rollout.targetVersionNumber();
    return version != null && target != null && version > target
        ? Optional.of(
            "version "
                + version
                + " is not rolled out ("
                + which
                + " targets version "
                + target
                + ")")
        : Optional.empty();
  }

  /**
   * Image, effective size and logs of what was rolled out vs what is configured; empty when it
   * cannot be told.
   */
  private static Optional<Boolean> differs(
      ApplicationConfiguration rolled, ApplicationConfiguration now) {
    if (rolled == null || now == null || rolled.image() == null || now.image() == null) {
      return Optional.empty();
    }
    if (!Objects.equals(rolled.image(), now.image())) {
      return Optional.of(true);
    }
    EffectiveSize rolledSize = EffectiveSize.of(rolled);
    EffectiveSize nowSize = EffectiveSize.of(now);
    if (rolledSize.isComplete()
        && nowSize.isComplete()
        && !EffectiveSize.diff(rolledSize, nowSize).isEmpty()) {
      return Optional.of(true);
    }
    Boolean rolledLogs = logs(rolled);
    Boolean nowLogs = logs(now);
    return Optional.of(rolledLogs != null && nowLogs != null && !rolledLogs.equals(nowLogs));
  }

  private static Boolean logs(ApplicationConfiguration c) {
    return c.observability() == null || c.observability().logs() == null
        ? null
        : c.observability().logs().enabled();
  }

  private static String describe(ApplicationConfiguration c) {
    EffectiveSize size = EffectiveSize.of(c);
    return c.image() + (size.label() == null ? "" : ", " + size.label());
  }

  /**
   * The highest target_version, else the latest created_at (ISO-8601 UTC sorts as text); else
   * unknown.
   */
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
