package io.github.cfcontainers.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.Sleeper;
import io.github.cfcontainers.cloudflare.model.ContainerInstance;
import io.github.cfcontainers.cloudflare.model.Rollout;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Follows a rollout until it finishes (-Dcf.wait), printing each change of status or progress; then
 * waits until the running instances report what it rolled out. Fails on a rollout that ends
 * reverted or replaced, on a step that reverts, and when either wait outlasts the timeout
 * (-Dcf.wait.timeout). Statuses and step statuses are those of containers-shared ApplicationRollout
 * / RolloutStep.
 */
public class RolloutWatcher {

  private static final Set<String> FAILED_STEP = Set.of("reverting", "reverted");

  /**
   * Instances in these states run nothing (public instances-v2 schema), so their image does not
   * count.
   */
  private static final Set<String> NOT_RUNNING = Set.of("stopped", "stopping", "inactive");

  private final CloudflareApi api;
  private final Reporter reporter;
  private final Duration interval;
  private final Duration timeout;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  public RolloutWatcher(CloudflareApi api, Reporter reporter, Duration interval, Duration timeout) {
    this(api, reporter, interval, timeout, System::nanoTime, Sleeper.SYSTEM);
  }

  /** With a clock and sleeper of the caller's, so tests need not wait. */
  public RolloutWatcher(
      CloudflareApi api,
      Reporter reporter,
      Duration interval,
      Duration timeout,
      LongSupplier nanoTime,
      Sleeper sleeper) {
    this.api = api;
    this.reporter = reporter;
    this.interval = interval;
    this.timeout = timeout;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Returns the completed rollout once the instances run its target. */
  public Rollout await(String appName, String applicationId, String rolloutId) {
    long deadline = nanoTime.getAsLong() + timeout.toNanos();
    String last = null;
    while (true) {
      Rollout rollout = api.getRollout(applicationId, rolloutId);
      String line = describe(rollout);
      if (!Objects.equals(line, last)) {
        reporter.info("Application " + appName + ": rollout " + line);
        last = line;
      }
      String failedStep = failedStep(rollout);
      if (rollout.isFinished() && !"completed".equals(rollout.status()) || failedStep != null) {
        throw new CfException(
            "The rollout "
                + rolloutId
                + " of "
                + appName
                + " ended "
                + rollout.status()
                + (failedStep == null ? "" : " (" + failedStep + ")")
                + ": the application does not run what it"
                + " rolled out. See 'mvn cf:status'; fix the cause and deploy again, or run 'mvn cf:rollback'.");
      }
      if ("completed".equals(rollout.status())) {
        awaitInstances(appName, applicationId, rollout, deadline);
        return rollout;
      }
      pause(
          deadline,
          () ->
              "The rollout "
                  + rolloutId
                  + " of "
                  + appName
                  + " did not finish within "
                  + human(timeout)
                  + " (-D"
                  + PropertyNames.WAIT_TIMEOUT
                  + "); it goes on remotely: follow it with 'mvn cf:status'.");
    }
  }

  /**
   * Until every running instance reports the rollout's target image or version, or the deadline.
   */
  private void awaitInstances(
      String appName, String applicationId, Rollout rollout, long deadline) {
    String image =
        rollout.targetConfiguration() == null ? null : rollout.targetConfiguration().image();
    Long version = rollout.targetVersionNumber();
    if (image == null && version == null) {
      reporter.info(
          "Application "
              + appName
              + ": the rollout names no target image or version: instances not"
              + " checked.");
      return;
    }
    while (true) {
      var behind = new ArrayList<String>();
      int running = 0;
      int unknown = 0;
      for (ContainerInstance instance : api.listInstances(applicationId)) {
        if (NOT_RUNNING.contains(instance.stateName())) {
          continue;
        }
        running++;
        Boolean on = runs(instance, image, version);
        if (on == null) {
          unknown++;
        } else if (!on || "failed".equals(instance.stateName())) {
          behind.add(
              instance.id()
                  + " ("
                  + instance.stateName()
                  + ", "
                  + (instance.image() != null
                      ? instance.image()
                      : "version " + instance.appVersion())
                  + ")");
        }
      }
      if (behind.isEmpty()) {
        reporter.info(
            "Application "
                + appName
                + ": done, "
                + (running == 0
                    ? "no instance is running (they start on demand with the new version)"
                    : running
                        - unknown
                        + " of "
                        + running
                        + " running instance(s) report "
                        + (image != null ? image : "version " + version)
                        + (unknown == 0
                            ? ""
                            : "; "
                                + unknown
                                + " report neither image nor app_version (not checked)")));
        return;
      }
      List<String> report = List.copyOf(behind);
      pause(
          deadline,
          () ->
              "The rollout "
                  + rollout.id()
                  + " of "
                  + appName
                  + " completed, but within "
                  + human(timeout)
                  + " (-D"
                  + PropertyNames.WAIT_TIMEOUT
                  + ") these instances did not report what it rolled out: "
                  + String.join(", ", report)
                  + ". See 'mvn cf:status'.");
    }
  }

  /**
   * Whether the instance runs the target: its {@code image} (public instances-v2 schema) when both
   * are known, else its {@code app_version} (containers-shared DashApplicationInstance); null when
   * it reports neither.
   */
  static Boolean runs(ContainerInstance instance, String image, Long version) {
    if (instance.image() != null && image != null) {
      return sameImage(instance.image(), image);
    }
    if (instance.appVersion() != null && version != null) {
      return instance.appVersion().longValue() == version;
    }
    return null;
  }

  /** The same reference, or the same digest. */
  static boolean sameImage(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int ia = a.indexOf("@sha256:");
    int ib = b.indexOf("@sha256:");
    return ia >= 0 && ib >= 0 && a.substring(ia).equals(b.substring(ib));
  }

  /** A step whose status is reverting or reverted, with its reason; null when none. */
  static String failedStep(Rollout rollout) {
    JsonNode steps = rollout.steps();
    if (steps == null || !steps.isArray()) {
      return null;
    }
    for (JsonNode step : steps) {
      if (FAILED_STEP.contains(step.path("status").asText())) {
        return "step "
            + step.path("id").asText("?")
            + " "
            + step.path("status").asText()
            + (step.hasNonNull("reason") ? ": " + step.get("reason").asText() : "");
      }
    }
    return null;
  }

  private static String describe(Rollout rollout) {
    var p = rollout.progress();
    return rollout.status()
        + (p == null
            ? ""
            : " (step "
                + p.currentStep()
                + "/"
                + p.totalSteps()
                + ", "
                + p.updatedInstances()
                + "/"
                + p.totalInstances()
                + " instances)");
  }

  private void pause(long deadline, Supplier<String> timedOut) {
    if (nanoTime.getAsLong() - deadline > 0) {
      throw new CfException(timedOut.get());
    }
    try {
      sleeper.sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CfException("Interrupted while waiting for a rollout", e);
    }
  }

  /**
   * {@code -Dcf.wait.timeout}: whole seconds ({@code 600}) or a number with {@code s}, {@code m} or
   * {@code h} ({@code 90s}, {@code 10m}, {@code 1h}); at least 1 second, at most 24 hours.
   */
  public static Duration parseTimeout(String text, Setting setting) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    var m = Pattern.compile("(\\d{1,6})([smh]?)").matcher(t);
    if (!m.matches()) {
      throw new InvalidSettingException(
          setting,
          "The wait timeout '" + text + "' is not a duration.",
          "give whole seconds (600) or a number with s, m or h (90s, 10m, 1h)");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofSeconds(n);
        };
    if (d.isZero() || d.compareTo(Duration.ofHours(24)) > 0) {
      throw new InvalidSettingException(
          setting,
          "The wait timeout '" + text + "' is out of range.",
          "use at least 1s and at most 24h");
    }
    return d;
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    return s % 3600 == 0 && s > 0 ? s / 3600 + "h" : s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
  }
}
