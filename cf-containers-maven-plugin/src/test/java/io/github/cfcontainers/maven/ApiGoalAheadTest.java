package io.github.cfcontainers.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When cf:build warms the API client up: only when an API goal of this plugin follows. */
class ApiGoalAheadTest {

  private static final String KEY = "io.github.cfcontainers:cf-containers-maven-plugin";
  private static final Map<String, String> DEFAULT_PHASES =
      Map.of("build", "package", "deploy", "deploy");

  /** {@code executions}: {@code goal@phase} separated by spaces; no phase = the default one. */
  @ParameterizedTest(name = "mvn {0} with executions [{1}] -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "deploy              | build deploy          | true",
        "clean deploy        | build deploy@deploy   | true",
        "install             | build deploy          | false",
        "package             | build deploy          | false",
        "verify              | build status@verify   | true",
        "verify              | build plan@install    | false",
        "deploy              | build                 | false",
        "deploy              | build plan            | false",
        "package cf:deploy   | build                 | true",
        "cf:plan             | ''                    | true",
        "cf:build            | build deploy          | false",
        "cf:destroy          | build                 | false",
        KEY + ":0.1.0:status | ''                    | true",
        KEY + ":deploy       | ''                    | true",
        "other:deploy        | build                 | false",
      })
  void followsTheRequestedPhasesAndGoals(String tasks, String executions, boolean expected) {
    assertThat(
            ApiGoalAhead.in(
                List.of(tasks.split(" ")), "cf", KEY, plugin(executions), DEFAULT_PHASES))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"deploy", "install"})
  void noDeclaredPluginMeansNoLifecycleGoal(String phase) {
    assertThat(ApiGoalAhead.in(List.of(phase), "cf", KEY, null, DEFAULT_PHASES)).isFalse();
  }

  private static Plugin plugin(String executions) {
    var plugin = new Plugin();
    for (String execution : executions.isBlank() ? new String[0] : executions.split(" ")) {
      var e = new PluginExecution();
      String[] goalAndPhase = execution.split("@");
      e.addGoal(goalAndPhase[0]);
      if (goalAndPhase.length > 1) {
        e.setPhase(goalAndPhase[1]);
      }
      e.setId("e" + plugin.getExecutions().size());
      plugin.addExecution(e);
    }
    return plugin;
  }
}
