package io.github.cfcontainers.operate;

import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.model.ApplicationPatchRequest;
import io.github.cfcontainers.cloudflare.model.Rollout;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.deploy.ApiAccess;
import io.github.cfcontainers.deploy.RolloutWatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Returns applications to the configuration they ran before the current one, through a new rollout:
 * a PATCH of the application's {@code configuration} and a {@code POST …/rollouts} with it as
 * {@code target_configuration}, as a deploy does (wrangler's containers/deploy.ts modify path). Not
 * the rollout action {@code revert}: it "goes back to the first step" of a rollout still under way
 * (containers-shared UpdateApplicationRolloutRequest), has nothing to undo once a rollout
 * completed, is never sent by wrangler, and the public API reference (cloudflare-typescript
 * containers/applications/rollouts.ts) offers only creating rollouts.
 *
 * <p>Every read and check comes before the first write. Each application is read again just before
 * its PATCH: a version that moved since the plan stops the rollback there.
 */
public final class RollbackService {

  private static final String NOTHING = "Nothing was changed.";

  /** How a rollback's rollout description starts: the planner knows its own rollouts by it. */
  static final String DESCRIPTION = "cf-containers rollback: ";

  private final CloudflareApi api;
  private final Reporter reporter;
  private final RolloutWatcher watcher;

  public RollbackService(CloudflareApi api, Reporter reporter, RolloutWatcher watcher) {
    this.api = api;
    this.reporter = reporter;
    this.watcher = watcher;
  }

  /** With {@code apply} false only the plan is printed and reported (-Dcf.dryRun). */
  public RollbackReport rollback(RollbackSettings settings, boolean apply) {
    ApiAccess.require(api, "Containers", "Containers: Edit", api::getContainersAccount, NOTHING);
    RollbackPlan plan = new RollbackPlanner(api).plan(settings);
    plan.items().forEach(item -> item.describe().forEach(reporter::info));
    if (!apply) {
      return new RollbackReport(
          false,
          true,
          plan.items().stream()
              .map(i -> new RollbackReport.Application(i, "planned", null, null))
              .toList());
    }
    var done = new ArrayList<RollbackReport.Application>();
    for (int n = 0; n < plan.items().size(); n++) {
      var item = plan.items().get(n);
      Rollout rollout = null;
      try {
        rollout = start(item);
        reporter.info(
            "Application " + item.name() + ": rollback rollout " + rollout.id() + " started");
        String status = rollout.status();
        if (settings.waitForRollouts()) {
          status = watcher.await(item.name(), item.applicationId(), rollout.id()).status();
        }
        done.add(new RollbackReport.Application(item, "rolled_back", rollout.id(), status));
      } catch (RuntimeException e) {
        done.add(
            new RollbackReport.Application(
                item, "failed", rollout == null ? null : rollout.id(), null));
        plan.items()
            .subList(n + 1, plan.items().size())
            .forEach(
                rest -> done.add(new RollbackReport.Application(rest, "not_reached", null, null)));
        throw failed(item, rollout, done, e);
      }
    }
    return new RollbackReport(true, true, done);
  }

  private Rollout start(RollbackPlan.Item item) {
    var now =
        api.findApplication(item.applicationId())
            .orElseThrow(
                () ->
                    new CfException(
                        "The application "
                            + item.name()
                            + " ("
                            + item.applicationId()
                            + ") no longer exists: it was deleted since the plan."));
    if (item.applicationVersion() != null
        && now.version() != null
        && !item.applicationVersion().equals(now.version())) {
      throw new CfException(
          "The application "
              + item.name()
              + " changed since the plan (version "
              + item.applicationVersion()
              + " -> "
              + now.version()
              + "): another deploy or rollback ran meanwhile.");
    }
    if (item.patch()) {
      api.patchApplication(
          item.applicationId(),
          new ApplicationPatchRequest(item.configuration(), null, null, null, null));
    }
    String description =
        DESCRIPTION + item.fromImage() + " -> " + item.toImage() + " (" + item.basis() + ")";
    return api.createRollout(
        item.applicationId(), item.policy().request(description, item.configuration()));
  }

  private static RollbackFailedException failed(
      RollbackPlan.Item item,
      Rollout rollout,
      List<RollbackReport.Application> done,
      RuntimeException e) {
    var rolledBack =
        done.stream()
            .filter(a -> "rolled_back".equals(a.outcome()))
            .map(a -> a.plan().name())
            .toList();
    var rest =
        done.stream()
            .filter(a -> !"rolled_back".equals(a.outcome()))
            .map(a -> a.plan().name())
            .toList();
    String where =
        rollout != null
            ? "its rollback rollout " + rollout.id() + " started, then: "
            : "rolling it back failed: ";
    return new RollbackFailedException(
        "Application "
            + item.name()
            + ": "
            + where
            + e.getMessage()
            + (rolledBack.isEmpty() ? "" : " Rolled back before it: " + rolledBack + ".")
            + " Run cf:rollback again for what is left, one at a time: -D"
            + PropertyNames.CONTAINER
            + "="
            + String.join(" / -D" + PropertyNames.CONTAINER + "=", rest)
            + " (a plain rerun would also roll back again what is done).",
        new RollbackReport(true, false, done),
        e);
  }
}
