package io.github.cfcontainers.maven;

import io.github.cfcontainers.build.BuildSettings;
import io.github.cfcontainers.build.ImageBuildService;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.config.WorkerExports;
import io.github.cfcontainers.deploy.ResolvedProject;
import io.github.cfcontainers.dev.DevBuild;
import io.github.cfcontainers.dev.DevRequest;
import io.github.cfcontainers.dev.DevService;
import io.github.cfcontainers.dev.DevSettings;
import io.github.cfcontainers.dev.NodeMiniflareRuntime;
import io.github.cfcontainers.docker.DockerDevEngine;
import io.github.cfcontainers.worker.WorkerBundle;
import io.github.cfcontainers.worker.WorkerSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Runs the Worker and its containers on this machine: builds the images as {@code
 * cloudflare-dev/<name>:<tag>}, bundles the Worker, and serves it on 127.0.0.1 in the local Workers
 * runtime (Miniflare, from the Worker project's wrangler) until Ctrl-C, which also removes the
 * containers it started.
 */
@Mojo(name = "dev", threadSafe = true)
public class DevMojo extends AbstractCfMojo {

  /** Skips this goal only. */
  @Component private SettingsDecrypter settingsDecrypter;

  /** Skips this goal only. */
  @Parameter(property = PropertyNames.DEV_SKIP, defaultValue = "false")
  private boolean skipDev;

  /** The local port the Worker answers on, on 127.0.0.1. */
  @Parameter(property = PropertyNames.DEV_PORT, defaultValue = "8787")
  private String devPort;

  /** Seconds the runtime may take to serve. */
  @Parameter(property = PropertyNames.DEV_READY_TIMEOUT, defaultValue = "60")
  private String devReadyTimeout;

  public DevMojo() {
    super("cf:dev", PropertyNames.DEV_SKIP);
  }

  @Override
  protected boolean isGoalSkipped() {
    return skipDev;
  }

  @Override
  protected void run(Reporter reporter) throws MojoExecutionException, MojoFailureException {
    Path base = project.getBasedir().toPath();
    // Its own directory: a dev build must not replace the build.json and bundle that cf:deploy
    // reads.
    Path out = outputDirectory.toPath().resolve("dev");
    // The Worker's secrets, from the environment or settings.xml as for cf:deploy: the local run
    // binds them too.
    var secrets =
        new SecretsResolver(
                System::getenv, new SettingsServers(session.getSettings(), settingsDecrypter))
            .resolve(worker == null ? null : worker.secrets);
    var resolved =
        ResolvedProject.resolve(
            base, workerName, configuredContainers(), worker, secrets, false, Clock.systemUTC());
    var specs = resolved.specs();
    var deployment = resolved.worker();
    var containers = resolved.containers();
    WorkerSource source =
        WorkerBundling.source(worker, base, out, session.isOffline())
            .orElseThrow(
                () ->
                    new InvalidSettingException(
                        Setting.of("worker", "directory"),
                        "cf:dev serves the Worker, but the project has none (no worker/package.json).",
                        "point <directory> at the Worker's npm project, or generate one with the cf-containers archetype"));
    var classes =
        containers.stream()
            .map(c -> new DevRequest.ClassBinding(c.spec().className(), c.binding()))
            .toList();
    var request =
        new DevRequest(
            source.projectDirectory(),
            deployment,
            classes,
            number(devPort, "devPort", PropertyNames.DEV_PORT),
            out.resolve("run"),
            session.isOffline(),
            Duration.ofSeconds(
                number(devReadyTimeout, "devReadyTimeout", PropertyNames.DEV_READY_TIMEOUT)));
    DevBuild build =
        () -> {
          var bundle = bundle(source, reporter);
          WorkerExports.requireExported(bundle.exports(), specs, source.entryPoint().toString());
          var settings =
              new BuildSettings(
                  workerName,
                  specs,
                  true,
                  verbose,
                  session.isOffline(),
                  out,
                  WorkerBundling.summary(source, bundle));
          try (var engine = SharedDockerEngine.lease(session)) {
            var images = new LinkedHashMap<String, String>();
            new ImageBuildService(engine, reporter)
                .build(settings)
                .containers()
                .forEach(image -> images.put(image.className(), image.image()));
            return new DevBuild.Result(bundle.main().path(), images);
          } catch (IOException e) {
            throw new CfException("Closing the Docker client failed: " + e.getMessage(), e);
          }
        };
    try (var engine = new DockerDevEngine()) {
      new DevService(engine, new NodeMiniflareRuntime(), reporter).run(request, build);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (CfException e) {
      throw e;
    } catch (Exception e) {
      throw new MojoExecutionException("cf:dev failed: " + e.getMessage(), e);
    }
  }

  /**
   * Read as text so a typo gets a message naming the element, not Maven's bare "Cannot convert".
   */
  private static int number(String value, String element, String property) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidSettingException(
        Setting.of(element).withProperty(property),
        "<" + element + "> is '" + value + "', not a positive whole number.",
        "write a number, e.g. -D"
            + property
            + "="
            + (element.equals("devPort") ? DevSettings.DEFAULT_PORT : 60));
  }

  private static WorkerBundle bundle(WorkerSource source, Reporter reporter) {
    try {
      return WorkerBundling.bundle(source, reporter);
    } catch (MojoFailureException e) {
      throw new CfException(e.getMessage(), e);
    }
  }
}
