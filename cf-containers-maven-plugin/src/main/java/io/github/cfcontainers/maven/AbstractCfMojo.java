package io.github.cfcontainers.maven;

import io.github.cfcontainers.build.EngineUnavailableException;
import io.github.cfcontainers.build.ImageBuildFailedException;
import io.github.cfcontainers.cloudflare.CloudflareApiException;
import io.github.cfcontainers.cloudflare.InvalidBaseUrlException;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.deploy.WorkerSecret;
import java.io.File;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every cf goal shares: the configuration, the skip flags, and turning core failures into
 * messages that name the setting to fix.
 */
abstract class AbstractCfMojo extends AbstractMojo {

  private final String goal;
  private final String goalSkipProperty;

  /**
   * @param goal the goal's name in messages, e.g. {@code cf:build}
   * @param goalSkipProperty the goal's own skip property, or null
   */
  AbstractCfMojo(String goal, String goalSkipProperty) {
    this.goal = goal;
    this.goalSkipProperty = goalSkipProperty;
  }

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  /** Skips every cf goal. */
  @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
  protected boolean skip;

  /** The Worker's script name; also the prefix of default container names. */
  @Parameter(property = PropertyNames.WORKER_NAME, defaultValue = "${project.artifactId}")
  protected String workerName;

  /** The containers of the Worker, each owned by a Durable Object class. */
  @Parameter protected List<Container> containers;

  /** The Worker that routes requests to the containers. */
  @Parameter protected Worker worker;

  /**
   * Dev mode: images are tagged {@code cloudflare-dev/<name>:<tag>}, the names the local Workers
   * runtime looks for, and not pushed.
   */
  @Parameter(property = PropertyNames.DEV, defaultValue = "false")
  protected boolean dev;

  /** In dev mode, push the images anyway so a remote Worker can use them. */
  @Parameter(property = PropertyNames.DEV_REMOTE, defaultValue = "false")
  protected boolean devRemote;

  /** Show the whole output of the Docker build and of npm/esbuild. */
  @Parameter(property = PropertyNames.VERBOSE, defaultValue = "false")
  protected boolean verbose;

  /** Where build.json, deployment.json and transcripts are written. */
  @Parameter(
      property = PropertyNames.OUTPUT_DIRECTORY,
      defaultValue = "${project.build.directory}/cf-containers")
  protected File outputDirectory;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if ("pom".equals(project.getPackaging())) {
      getLog().debug("Skipping " + goal() + ": pom packaging");
      return;
    }
    try {
      for (String applied : CommandLineOverrides.of(session).apply(this, project.getBasedir())) {
        getLog().debug(goal() + ": " + applied);
      }
    } catch (InvalidSettingException e) {
      throw new MojoExecutionException(SettingMessages.describe(e), e);
    }
    if (skip) {
      getLog().info("Skipping " + goal() + " (" + PropertyNames.SKIP + "=true)");
      return;
    }
    if (goalSkipProperty != null && isGoalSkipped()) {
      getLog().info("Skipping " + goal() + " (" + goalSkipProperty + "=true)");
      return;
    }
    try {
      run(new MavenReporter(getLog()));
    } catch (InvalidSettingException e) {
      throw new MojoExecutionException(SettingMessages.describe(e), e);
    } catch (InvalidBaseUrlException e) {
      throw new MojoExecutionException(SettingMessages.describe(ApiBaseUrl.invalid(e)), e);
    } catch (ImageBuildFailedException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (EngineUnavailableException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (CfException | CloudflareApiException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** The goal's name in messages, e.g. {@code cf:build}. */
  protected final String goal() {
    return goal;
  }

  /** Whether the goal's own skip property is set; goals without one are never skipped alone. */
  protected boolean isGoalSkipped() {
    return false;
  }

  protected abstract void run(Reporter reporter)
      throws MojoExecutionException, MojoFailureException;

  /** The configured containers as written; the resolvers read them directly. */
  protected List<Container> configuredContainers() {
    return containers == null ? List.of() : containers;
  }

  /** The Worker's secrets by name only (no value is looked up). */
  protected List<WorkerSecret> declaredSecrets() {
    return SecretsResolver.declared(worker == null ? null : worker.secrets);
  }
}
