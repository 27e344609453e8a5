package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.BuildReportFile;
import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.Reporter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * cf:deploy and cf:plan from a {@link DeployRequest}: resolves and validates the settings, checks
 * build.json, wires the API client and the registry, deploys (or plans) and writes deployment.json.
 */
public final class DeployCommand {

  /** How often -Dcf.wait polls a rollout. */
  private static final Duration POLL = Duration.ofSeconds(2);

  private DeployCommand() {}

  /**
   * @param engine used only when an image may be pushed; pass a {@link LazyEngine}
   * @param registry the registry adapter, made once the settings are valid (it reads a private CA
   *     file, whose error comes after the settings' errors)
   */
  public static DeploymentReport run(
      DeployRequest request,
      ContainerEngine engine,
      Supplier<ManifestLookup> registry,
      Reporter reporter) {
    var resolved = resolve(request);
    var settings = resolved.settings();
    var manifests = registry.get();
    try (var api =
        ApiAccess.open(
            settings.accountId(),
            resolved.credentials().token(),
            request.apiBaseUrl(),
            request.environment(),
            reporter)) {
      var watcher = new RolloutWatcher(api, reporter, POLL, request.waitTimeout());
      var report =
          new DeployService(api, engine, manifests, reporter, watcher)
              .deploy(settings, request.apply());
      report.write(request.outputDirectory());
      return report;
    }
  }

  private record Resolved(DeploySettings settings, DeployRequest.Credentials credentials) {}

  /** Every setting validated, the credentials found and build.json read, in that order. */
  private static Resolved resolve(DeployRequest request) {
    var resolved =
        ResolvedProject.resolve(
            request.baseDirectory(),
            request.workerName(),
            request.containers(),
            request.worker(),
            request.secrets(),
            request.uploadSecrets(),
            Clock.systemUTC());
    var worker = resolved.worker();
    var containers = resolved.containers();
    var credentials = request.credentials().get();
    var out = request.outputDirectory();
    if (!Files.isRegularFile(out.resolve(BuildReportFile.FILE_NAME))) {
      throw new CfException(
          "No "
              + out.resolve(BuildReportFile.FILE_NAME)
              + ": run 'mvn package' (which runs cf:build)"
              + " before "
              + request.goal()
              + ", or run 'mvn deploy'.");
    }
    var settings =
        new DeploySettings(
            credentials.accountId(),
            request.registryHost(),
            worker,
            containers,
            BuildReportFile.read(out),
            out.resolve("worker"),
            request.waitForRollouts(),
            out);
    return new Resolved(settings, credentials);
  }
}
