package io.github.cfcontainers.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The warm-up Maven starts after reading the projects when the plugin is an extension. */
class EarlyWarmUpTest {

  @TempDir File base;

  private final List<String> warmedUp = new ArrayList<>();
  private final EarlyWarmUp participant = new EarlyWarmUp(Runnable::run, warmedUp::add);

  @Test
  void startsWhenTheBuildReachesDeployWithTheBaseUrlOfTheCommandLine() throws Exception {
    participant.afterProjectsRead(
        session(
            List.of("deploy"),
            MojoTestSupport.properties("cf.apiBaseUrl", "http://x/v4"),
            ours(true)));

    assertThat(warmedUp).containsExactly("http://x/v4");
  }

  @Test
  void notForABuildThatStopsBeforeDeploy() throws Exception {
    participant.afterProjectsRead(session(List.of("package"), new Properties(), ours(true)));

    assertThat(warmedUp).isEmpty();
  }

  @Test
  void notWhenTheWholePluginIsSkipped() throws Exception {
    participant.afterProjectsRead(
        session(List.of("deploy"), MojoTestSupport.properties("cf.skip", "true"), ours(true)));

    assertThat(warmedUp).isEmpty();
  }

  @Test
  void notWhenThePomSetsCfSkip() throws Exception {
    var session = session(List.of("deploy"), new Properties(), ours(true));
    session.getProjects().get(0).getProperties().setProperty("cf.skip", "true");

    participant.afterProjectsRead(session);

    assertThat(warmedUp).isEmpty();
  }

  /** Another extension with a deploy goal is not this plugin. */
  @Test
  void notForAnotherPlugin() throws Exception {
    var other = ours(true);
    other.setArtifactId("another-plugin");

    participant.afterProjectsRead(session(List.of("deploy"), new Properties(), other));

    assertThat(warmedUp).isEmpty();
  }

  @Test
  void theDescriptorInTheJarGivesThePrefixAndTheDeployPhase() throws Exception {
    PluginDescriptor descriptor = EarlyWarmUp.ownDescriptor();

    assertThat(descriptor.getGoalPrefix()).isEqualTo("cf");
    assertThat(descriptor.getMojo("deploy").getPhase()).isEqualTo("deploy");
    assertThat(EarlyWarmUp.ahead(List.of("cf:plan"), List.of(ours(true)), descriptor)).isTrue();
  }

  /** Maven finds the participant through this file only; a rename must not orphan it. */
  @Test
  void componentsXmlRegistersItAsALifecycleParticipant() throws Exception {
    try (var in =
        getClass().getClassLoader().getResourceAsStream("META-INF/plexus/components.xml")) {
      var component =
          (Element)
              DocumentBuilderFactory.newInstance()
                  .newDocumentBuilder()
                  .parse(in)
                  .getElementsByTagName("component")
                  .item(0);
      String role = component.getElementsByTagName("role").item(0).getTextContent();
      String type = component.getElementsByTagName("implementation").item(0).getTextContent();

      assertThat(role).isEqualTo(AbstractMavenLifecycleParticipant.class.getName());
      assertThat(type).isEqualTo(EarlyWarmUp.class.getName());
      assertThat(Class.forName(type).getConstructor().newInstance())
          .isInstanceOf(AbstractMavenLifecycleParticipant.class);
    }
  }

  private static Plugin ours(boolean extensions) {
    var plugin = new Plugin();
    plugin.setGroupId("io.github.cfcontainers");
    plugin.setArtifactId("cf-containers-maven-plugin");
    plugin.setExtensions(extensions);
    for (String goal : List.of("build", "deploy")) {
      var execution = new PluginExecution();
      execution.setId("cf-" + goal);
      execution.addGoal(goal);
      plugin.addExecution(execution);
    }
    return plugin;
  }

  private org.apache.maven.execution.MavenSession session(
      List<String> goals, Properties user, Plugin plugin) {
    var session = MojoTestSupport.session(user, new Properties(), false);
    session.getRequest().setGoals(goals);
    MavenProject project = MojoTestSupport.project(base, "jar");
    project.getBuild().addPlugin(plugin);
    session.setProjects(List.of(project));
    return session;
  }
}
