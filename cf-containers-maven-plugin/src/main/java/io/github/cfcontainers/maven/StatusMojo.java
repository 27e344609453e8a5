package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.operate.StatusInputs;
import io.github.cfcontainers.operate.StatusService;
import java.io.IOException;
import java.time.Clock;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows what is deployed for this Worker, and whether it matches the POM. For the Worker: whether
 * it exists, the version serving it, its migration tag and workers.dev URL. Per container: the
 * application id, the image (digest) it runs, its instances by state, the active rollout with its
 * progress, and drift: the fields a cf:deploy would change, computed exactly as cf:deploy plans
 * them, and whether the Worker would be uploaded again. The image and the Worker are compared with
 * what cf:build built ({@code target/cf-containers/build.json}); without it, their drift is
 * reported as unknown.
 *
 * <p>Only reads: nothing is changed on Cloudflare. Writes {@code target/cf-containers/status.json}
 * with the printed content. When nothing is deployed it says so and succeeds. Not bound to a phase:
 * run {@code mvn cf:status}.
 */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractDeployMojo {

  /** Fail the build when what is deployed differs from the POM (for CI checks). */
  @Parameter(property = PropertyNames.STATUS_FAIL_ON_DRIFT, defaultValue = "false")
  private boolean failOnDrift;

  public StatusMojo() {
    super("cf:status", null);
  }

  @Override
  protected void run(Reporter reporter) throws MojoFailureException {
    var out = outputDirectory.toPath();
    var inputs =
        StatusInputs.resolve(
            project.getBasedir().toPath(),
            workerName,
            configuredContainers(),
            worker,
            declaredSecrets(),
            out,
            Clock.systemUTC());
    try (var api = openApi(reporter);
        var engine = SharedDockerEngine.lease(session)) {
      var report =
          new StatusService(api, engine, reporter)
              .status(inputs.settings(api.accountId(), registryHost()));
      report.write(out);
      if (report.drift() && failOnDrift) {
        throw new MojoFailureException(
            "What is deployed for "
                + workerName
                + " differs from the POM (see above;"
                + " "
                + PropertyNames.STATUS_FAIL_ON_DRIFT
                + "=true). Run 'mvn deploy' to apply the POM.");
      }
    } catch (IOException e) {
      throw new CfException("Closing the Docker client failed: " + e.getMessage(), e);
    }
  }
}
