package io.github.cfcontainers.maven;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * Whether this Maven run goes on to a goal of this plugin that calls the Cloudflare API (deploy,
 * plan, status), named on the command line or bound to a lifecycle phase the run reaches: then the
 * API client is warmed up for it ahead of time ({@link EarlyWarmUp}, else cf:build). A wrong guess
 * costs only that CPU.
 */
final class ApiGoalAhead {

  private static final Set<String> API_GOALS = Set.of("deploy", "plan", "status");

  /** The default lifecycle's phases, in order (Maven's "Lifecycles Reference"). */
  private static final List<String> PHASES =
      List.of(
          "validate",
          "initialize",
          "generate-sources",
          "process-sources",
          "generate-resources",
          "process-resources",
          "compile",
          "process-classes",
          "generate-test-sources",
          "process-test-sources",
          "generate-test-resources",
          "process-test-resources",
          "test-compile",
          "process-test-classes",
          "test",
          "prepare-package",
          "package",
          "pre-integration-test",
          "integration-test",
          "post-integration-test",
          "verify",
          "install",
          "deploy");

  private ApiGoalAhead() {}

  /** For {@code project} in {@code session}, with this plugin's descriptor. */
  static boolean in(MavenSession session, MavenProject project, PluginDescriptor plugin) {
    return in(session.getGoals(), plugin, project.getPlugin(plugin.getPluginLookupKey()));
  }

  /**
   * @param declared this plugin as a POM declares it; null when not declared
   */
  static boolean in(List<String> tasks, PluginDescriptor plugin, Plugin declared) {
    var defaultPhases = new HashMap<String, String>();
    for (var mojo : plugin.getMojos()) {
      if (mojo.getPhase() != null) {
        defaultPhases.put(mojo.getGoal(), mojo.getPhase());
      }
    }
    return in(tasks, plugin.getGoalPrefix(), plugin.getPluginLookupKey(), declared, defaultPhases);
  }

  /**
   * @param tasks what the command line asked for ({@code MavenSession.getGoals()}): phases, and
   *     goals as {@code prefix:goal} or {@code groupId:artifactId[:version]:goal}
   * @param plugin this plugin as the POM declares it, with its executions; null when not declared
   * @param defaultPhases each goal's default phase (from the plugin descriptor), if it has one
   */
  static boolean in(
      List<String> tasks,
      String goalPrefix,
      String pluginKey,
      Plugin plugin,
      Map<String, String> defaultPhases) {
    int furthest = -1;
    for (String task : tasks) {
      int colon = task.lastIndexOf(':');
      if (colon < 0) {
        furthest = Math.max(furthest, PHASES.indexOf(task));
      } else if (API_GOALS.contains(task.substring(colon + 1))
          && (task.startsWith(goalPrefix + ":") || task.startsWith(pluginKey + ":"))) {
        return true;
      }
    }
    if (plugin == null || furthest < 0) {
      return false;
    }
    for (var execution : plugin.getExecutions()) {
      for (String goal : execution.getGoals()) {
        // a goal without a phase of its own or a default one runs only when named
        String phase =
            execution.getPhase() != null ? execution.getPhase() : defaultPhases.get(goal);
        if (API_GOALS.contains(goal) && phase != null) {
          int index = PHASES.indexOf(phase);
          if (index >= 0 && index <= furthest) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
