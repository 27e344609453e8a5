package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import java.util.List;

/**
 * What deploying one container application would do.
 *
 * @param existing the application with this name, if any
 * @param changes "field: old -> new" for an update; why the rollout is due for a rollout only
 * @param replaced an application that must be deleted first (adopt of another namespace's app)
 */
public record ApplicationPlan(
    ApplicationSpec container,
    Action action,
    Application existing,
    ApplicationConfiguration configuration,
    List<String> changes,
    Application replaced) {

  /**
   * ROLLOUT: unchanged, but the configuration is ahead of what the instances run (an earlier
   * rollout failed).
   */
  public enum Action {
    CREATE,
    UPDATE,
    NO_CHANGE,
    ADOPT,
    ROLLOUT
  }

  public ApplicationPlan {
    changes = List.copyOf(changes);
  }

  public String describe() {
    return switch (action) {
      case CREATE -> "create";
      case NO_CHANGE -> "no change";
      case UPDATE -> "update (" + String.join("; ", changes) + ") + rollout";
      case ROLLOUT -> "rollout only (" + String.join("; ", changes) + ")";
      case ADOPT ->
          "adopt: delete application "
              + replaced.name()
              + " ("
              + replaced.id()
              + ", serving another namespace) and create it for this Worker";
    };
  }
}
