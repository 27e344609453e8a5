package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.Background;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.deploy.ApiAccess;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.monitor.logging.DefaultLog;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.codehaus.plexus.configuration.PlexusConfigurationException;
import org.codehaus.plexus.logging.LogEnabled;
import org.codehaus.plexus.logging.Logger;

/**
 * With {@code <extensions>true</extensions>} on this plugin, Maven calls this once it has read the
 * projects, before the first phase. When the build goes on to cf:deploy, cf:plan or cf:status
 * ({@link ApiGoalAhead}), it starts the API client's warm-up then, on another thread, beside
 * Maven's own phases (resources, compile, test, jar). Started by cf:build instead it has only the
 * ~0.2 s before cf:deploy, too little: it is still running when cf:deploy starts and competes with
 * it. The build's thread only copies the POMs' extension declarations; the descriptor is read and
 * the decision made on the warm-up's thread, and nothing there can fail the build. Registered in
 * META-INF/plexus/components.xml.
 */
public final class EarlyWarmUp extends AbstractMavenLifecycleParticipant implements LogEnabled {

  /** Maven's log (the container sets it), silent until then. */
  private volatile Reporter log = Reporter.SILENT;

  private final Consumer<Runnable> starter;
  private final Consumer<String> warmUp;

  /** As Maven makes it: a daemon thread, the real warm-up. */
  public EarlyWarmUp() {
    this(
        task ->
            Background.start(
                "cf-api-warm-up",
                () -> {
                  task.run();
                  return null;
                }),
        null);
  }

  /**
   * @param starter runs the decision and the warm-up (elsewhere than the build's thread)
   * @param warmUp the warm-up, given the -D base URL or null; null for the real one
   */
  EarlyWarmUp(Consumer<Runnable> starter, Consumer<String> warmUp) {
    this.starter = starter;
    this.warmUp =
        warmUp != null ? warmUp : apiBaseUrl -> ApiAccess.warmUp(apiBaseUrl, System::getenv, log);
  }

  @Override
  public void enableLogging(Logger logger) {
    this.log = new MavenReporter(new DefaultLog(logger));
  }

  @Override
  public void afterProjectsRead(MavenSession session) {
    try {
      if (skipped(session)) {
        return;
      }
      var tasks = List.copyOf(session.getGoals());
      var extensions = new ArrayList<Plugin>();
      for (var project : session.getProjects()) {
        for (var plugin : project.getBuildPlugins()) {
          if (plugin.isExtensions()) {
            extensions.add(plugin.clone());
          }
        }
      }
      String apiBaseUrl = apiBaseUrl(session);
      starter.accept(() -> warmUpIfAhead(tasks, extensions, apiBaseUrl));
    } catch (RuntimeException e) { // an optimisation only: it never fails the build
      log.debug("No early API client warm-up: " + e);
    }
  }

  private void warmUpIfAhead(List<String> tasks, List<Plugin> extensions, String apiBaseUrl) {
    try {
      if (ahead(tasks, extensions, ownDescriptor())) {
        log.debug("Warming the API client up while Maven builds (a later goal calls the API)");
        warmUp.accept(apiBaseUrl);
      }
    } catch (IOException | PlexusConfigurationException | RuntimeException e) {
      log.debug("No early API client warm-up: " + e);
    }
  }

  /** Whether a project declares this plugin and the build reaches one of its API goals. */
  static boolean ahead(List<String> tasks, List<Plugin> extensions, PluginDescriptor descriptor) {
    for (var declared : extensions) {
      if (declared.getKey().equals(descriptor.getPluginLookupKey())
          && ApiGoalAhead.in(tasks, descriptor, declared)) {
        return true;
      }
    }
    return false;
  }

  /** This plugin's descriptor, read from its own jar (Maven has not read it yet at this point). */
  static PluginDescriptor ownDescriptor() throws IOException, PlexusConfigurationException {
    var resource = EarlyWarmUp.class.getClassLoader().getResource("META-INF/maven/plugin.xml");
    if (resource == null) {
      throw new IOException("no META-INF/maven/plugin.xml next to " + EarlyWarmUp.class.getName());
    }
    try (var reader = new InputStreamReader(resource.openStream(), StandardCharsets.UTF_8)) {
      return new PluginDescriptorBuilder().build(reader);
    }
  }

  /**
   * The later goal's base URL as far as a warm-up needs it (http or https): -Dcf.apiBaseUrl; the
   * warm-up reads CLOUDFLARE_API_BASE_URL itself, as the goal will.
   */
  static String apiBaseUrl(MavenSession session) {
    return property(session, PropertyNames.API_BASE_URL);
  }

  /** -Dcf.skip=true, or every project's {@code <properties>} setting cf.skip to true. */
  private static boolean skipped(MavenSession session) {
    if (Boolean.parseBoolean(property(session, PropertyNames.SKIP))) {
      return true;
    }
    var projects = session.getProjects();
    return !projects.isEmpty()
        && projects.stream()
            .allMatch(p -> Boolean.parseBoolean(p.getProperties().getProperty(PropertyNames.SKIP)));
  }

  private static String property(MavenSession session, String name) {
    String user = session.getUserProperties().getProperty(name);
    return user != null ? user : session.getSystemProperties().getProperty(name);
  }
}
