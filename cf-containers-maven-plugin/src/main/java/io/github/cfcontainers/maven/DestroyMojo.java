package io.github.cfcontainers.maven;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.operate.DestroyIncompleteException;
import io.github.cfcontainers.operate.DestroyReport;
import io.github.cfcontainers.operate.DestroyService;
import io.github.cfcontainers.operate.DestroySettings;
import io.github.cfcontainers.operate.DestroyTargets;
import io.github.cfcontainers.registry.RegistryImages;
import io.github.cfcontainers.registry.RegistryManifests;
import io.github.cfcontainers.registry.RegistryTls;
import java.util.Set;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes what cf:deploy made for this Worker: first its container applications (deleting a Worker
 * leaves them running and billing), then the Worker itself, whose Durable Object namespaces and
 * their stored data go with it, and with {@code -Dcf.destroy.images=true} the images this project
 * pushed to the account's registry. Only this Worker's applications are deleted, i.e. those serving
 * one of its Durable Object namespaces (plus an application with a configured container name whose
 * namespace no longer exists); an application of another Worker is never touched, even when it has
 * a configured name.
 *
 * <p>Needs only the names from {@code <containers>}: no Dockerfile, build context or build output.
 * Prints what it will delete before deleting. Something already gone counts as done, so running the
 * goal again after a failure finishes the job. Writes {@code target/cf-containers/destroy.json}.
 * Not bound to a phase: run {@code mvn cf:destroy}, or {@code mvn cf:destroy -Dcf.dryRun} to see
 * the plan only.
 */
@Mojo(name = "destroy", threadSafe = true)
public class DestroyMojo extends AbstractDeployMojo {

  /** Skips this goal only. */
  @Parameter(property = PropertyNames.DESTROY_SKIP, defaultValue = "false")
  private boolean skipDestroy;

  /** Print what would be deleted, and delete nothing. */
  @Parameter(property = PropertyNames.DRY_RUN, defaultValue = "false")
  private boolean dryRun;

  /**
   * Also delete this project's images from the account's registry: every tag of {@code
   * <account>/<name>} for each configured container (a prebuilt local image: its own name), as the
   * registry lists them now, then the registry's layer garbage collection. Images of other
   * repositories, and prebuilt images that were already in a registry, are never deleted. Off by
   * default: the images stay, so a later deploy can reuse them.
   */
  @Parameter(property = PropertyNames.DESTROY_IMAGES, defaultValue = "false")
  private boolean destroyImages;

  public DestroyMojo() {
    super("cf:destroy", PropertyNames.DESTROY_SKIP);
  }

  @Override
  protected boolean isGoalSkipped() {
    return skipDestroy;
  }

  @Override
  protected void run(Reporter reporter) {
    var inputs = configuredContainers();
    if (destroyImages && inputs.isEmpty()) {
      throw new InvalidSettingException(
          Setting.of("containers"),
          "-D"
              + PropertyNames.DESTROY_IMAGES
              + "=true deletes the images of the configured containers, but no container is configured. Nothing was"
              + " deleted.",
          "list the containers under <containers> (their <name> or <className> is enough), or leave"
              + " out -D"
              + PropertyNames.DESTROY_IMAGES);
    }
    var out = outputDirectory.toPath();
    DestroyReport report;
    try (var api = openApi(reporter)) {
      var targets = DestroyTargets.resolve(workerName, inputs, registryHost(), api.accountId());
      var images =
          destroyImages
              ? new DestroySettings.Images(registryHost(), targets.repositoryNames())
              : null;
      if (destroyImages) {
        targets
            .notPushed()
            .forEach(
                i ->
                    reporter.info(
                        "Image " + i + ": kept, a prebuilt image this project did" + " not push"));
      }
      var registry =
          destroyImages
              ? new RegistryImages(
                  new RegistryManifests(new RegistryTls(registryCaFile(), Set.of())))
              : null;
      report =
          new DestroyService(api, reporter, registry)
              .destroy(new DestroySettings(workerName, targets.containerNames(), images), !dryRun);
    } catch (DestroyIncompleteException e) {
      e.report().write(out);
      throw e;
    }
    report.write(out);
    if (dryRun) {
      reporter.info("Plan only: nothing was deleted.");
      return;
    }
    long deleted = report.resources().stream().filter(r -> "deleted".equals(r.outcome())).count();
    reporter.info(
        deleted == 0
            ? "Nothing to delete: " + workerName + " is not deployed."
            : "Destroyed " + workerName + ": " + deleted + " resource(s) deleted.");
  }
}
