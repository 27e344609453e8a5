package io.github.cfcontainers.core.deploy;

import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.Rollout;
import io.github.cfcontainers.core.CfException;
import io.github.cfcontainers.core.Reporter;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/** Follows a rollout until it finishes, printing each change of status or progress (-Dcf.wait). */
public class RolloutWatcher {

  private static final Set<String> FINISHED = Set.of("completed", "reverted", "replaced");

  private final CloudflareApi api;
  private final Reporter reporter;
  private final Duration interval;
  private final Duration timeout;

  public RolloutWatcher(CloudflareApi api, Reporter reporter, Duration interval, Duration timeout) {
    this.api = api;
    this.reporter = reporter;
    this.interval = interval;
    this.timeout = timeout;
  }

  public void await(String appName, String applicationId, String rolloutId) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      Rollout rollout = api.getRollout(applicationId, rolloutId);
      var p = rollout.progress();
      String line = rollout.status() + (p == null ? "" : " (step " + p.currentStep() + "/" + p.totalSteps() + ", "
          + p.updatedInstances() + "/" + p.totalInstances() + " instances)");
      if (!Objects.equals(line, last)) {
        reporter.info("Application " + appName + ": rollout " + line);
        last = line;
      }
      if (FINISHED.contains(rollout.status())) {
        if (!"completed".equals(rollout.status())) {
          throw new CfException("The rollout " + rolloutId + " of " + appName + " ended " + rollout.status() + ".");
        }
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new CfException("The rollout " + rolloutId + " of " + appName + " did not finish within " + timeout
            + "; it goes on remotely.");
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CfException("Interrupted while waiting for the rollout " + rolloutId, e);
      }
    }
  }
}
