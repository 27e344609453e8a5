package io.github.cfcontainers.operate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.deploy.RolloutPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Per application: from what it runs now to what it ran before, decided from its rollouts history.
 */
public record RollbackPlan(List<Item> items) {

  public RollbackPlan {
    items = List.copyOf(items);
  }

  /**
   * @param applicationVersion the application's version when planned (a change since then stops the
   *     apply)
   * @param currentRolloutId the rollout that put the current configuration in place
   * @param fromVersion / toVersion application versions (null when the history does not say)
   * @param basis where the target configuration comes from in the history
   * @param changes "field: now -> back to", for the printed plan
   * @param patch whether the application's configuration must be patched first (false when a rerun
   *     finds it set)
   * @param configuration the configuration to roll out: the target's fields over the application's
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(
      String name,
      String applicationId,
      Integer applicationVersion,
      String currentRolloutId,
      Long fromVersion,
      Long toVersion,
      String fromImage,
      String toImage,
      String basis,
      List<String> changes,
      boolean patch,
      ApplicationConfiguration configuration,
      @JsonIgnore RolloutPolicy policy) {

    public Item {
      changes = List.copyOf(changes);
    }

    /** The printed lines for this application. */
    public List<String> describe() {
      var lines = new ArrayList<String>();
      lines.add(
          "Application "
              + name
              + " ("
              + applicationId
              + "): roll back from "
              + version(fromVersion)
              + " to the configuration of "
              + version(toVersion)
              + " ("
              + basis
              + ")");
      lines.add("  image: " + fromImage + " -> " + toImage);
      changes.stream().filter(c -> !c.startsWith("image:")).forEach(c -> lines.add("  " + c));
      if (!patch) {
        lines.add(
            "  the application is already configured so (an earlier rollback stopped before its rollout):"
                + " only the rollout is started");
      }
      return lines;
    }

    private static String version(Long v) {
      return v == null ? "the current version" : "version " + v;
    }
  }
}
