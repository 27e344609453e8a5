package io.github.cfcontainers.operate;

import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.CloudflareApiException;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.deploy.ApiAccess;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes what a deploy made for one Worker: its container applications first (deleting the Worker
 * leaves them running and billing), then the Worker, whose Durable Object namespaces go with it,
 * then (when asked) this project's images in the registry ({@link DestroyImages}). Every check and
 * read comes before the first delete; a 404 on a delete means "already done", so a rerun after a
 * failure finishes the job.
 */
public final class DestroyService {

  private static final String NOTHING_DELETED = "Nothing was deleted.";

  private final CloudflareApi api;
  private final Reporter reporter;
  private final DestroyImageRegistry registry;

  public DestroyService(CloudflareApi api, Reporter reporter) {
    this(api, reporter, null);
  }

  /**
   * @param registry for {@link DestroySettings#images()}; null when images are kept
   */
  public DestroyService(CloudflareApi api, Reporter reporter, DestroyImageRegistry registry) {
    this.api = api;
    this.reporter = reporter;
    this.registry = registry;
  }

  /** With {@code apply} false only the plan is printed and reported (-Dcf.dryRun). */
  public DestroyReport destroy(DestroySettings settings, boolean apply) {
    ApiAccess.require(api, "Workers", "Workers Scripts: Edit", api::listScripts, NOTHING_DELETED);
    ApiAccess.require(
        api, "Containers", "Containers: Edit", api::getContainersAccount, NOTHING_DELETED);
    DestroyPlan plan = new DestroyPlanner(api).plan(settings);
    DestroyImagePlan images = null;
    if (settings.images() != null) {
      if (registry == null) {
        throw new IllegalStateException("images requested without a registry client");
      }
      images = new DestroyImages(api, registry).plan(settings.images());
    }
    plan.describe().forEach(reporter::info);
    if (images != null) {
      images.describe().forEach(reporter::info);
      if (images.paged()) {
        reporter.warn(
            "The registry's catalog came in pages and only the first was readable: a repository not"
                + " listed above may still hold images (wrangler containers images list shows them).");
      }
    }

    var done = new ArrayList<DestroyReport.Resource>();
    plan.absentApplications()
        .forEach(
            n -> done.add(new DestroyReport.Resource("application", n, null, "already_absent")));
    plan.spared()
        .forEach(
            t -> done.add(new DestroyReport.Resource("application", t.name(), t.id(), "kept")));
    if (!apply) {
      plan.applications()
          .forEach(
              t ->
                  done.add(new DestroyReport.Resource("application", t.name(), t.id(), "planned")));
      done.add(
          new DestroyReport.Resource(
              "worker",
              settings.workerName(),
              null,
              plan.workerExists() ? "planned" : "already_absent"));
      if (images != null) {
        for (var repo : images.repositories()) {
          if (repo.tags().isEmpty()) {
            done.add(new DestroyReport.Resource("image", repo.path(), null, "already_absent"));
          }
          repo.tags()
              .forEach(
                  t ->
                      done.add(
                          new DestroyReport.Resource(
                              "image", repo.path() + ":" + t, null, "planned")));
        }
      }
      return new DestroyReport(settings.workerName(), false, true, done);
    }
    for (var target : plan.applications()) {
      try {
        boolean deleted = api.deleteApplication(target.id());
        done.add(
            new DestroyReport.Resource(
                "application", target.name(), target.id(), deleted ? "deleted" : "already_absent"));
        reporter.info(
            "Application " + target.name() + ": " + (deleted ? "deleted" : "already absent"));
      } catch (RuntimeException e) {
        throw incomplete(
            "application " + target.name() + " (" + target.id() + ")", "", settings, done, e);
      }
    }
    if (!plan.workerExists()) {
      done.add(new DestroyReport.Resource("worker", settings.workerName(), null, "already_absent"));
    } else {
      deleteWorker(settings, done);
    }
    if (images != null) {
      try {
        new DestroyImages(api, registry).apply(images, reporter, done);
      } catch (RuntimeException e) {
        throw incomplete(
            "the images in " + settings.images().registryHost(), "", settings, done, e);
      }
    }
    return new DestroyReport(settings.workerName(), true, true, done);
  }

  private void deleteWorker(DestroySettings settings, List<DestroyReport.Resource> done) {
    try {
      // Not forced: the Worker's own namespaces go with it; other Workers bound to it make the API
      // refuse.
      boolean deleted = api.deleteScript(settings.workerName(), false);
      done.add(
          new DestroyReport.Resource(
              "worker", settings.workerName(), null, deleted ? "deleted" : "already_absent"));
      reporter.info(
          "Worker " + settings.workerName() + ": " + (deleted ? "deleted" : "already absent"));
    } catch (CloudflareApiException e) {
      // Unforced, the API refuses only while other Workers depend on this one; a rerun alone cannot
      // fix that.
      String hint =
          e.httpStatus() == 400 || e.httpStatus() == 409
              ? " Other Workers depend on "
                  + settings.workerName()
                  + " (a service binding, or a binding to its Durable Objects): remove those bindings first; cf:destroy never"
                  + " forces the delete, which would break them."
              : "";
      throw incomplete("Worker " + settings.workerName(), hint, settings, done, e);
    } catch (RuntimeException e) {
      throw incomplete("Worker " + settings.workerName(), "", settings, done, e);
    }
  }

  private static DestroyIncompleteException incomplete(
      String what,
      String hint,
      DestroySettings settings,
      List<DestroyReport.Resource> done,
      RuntimeException e) {
    var report = new DestroyReport(settings.workerName(), true, false, done);
    long deleted = done.stream().filter(r -> "deleted".equals(r.outcome())).count();
    return new DestroyIncompleteException(
        "Deleting "
            + what
            + " failed: "
            + e.getMessage()
            + " ("
            + deleted
            + " resource(s) deleted before it)."
            + hint
            + " Run cf:destroy again to finish: what is gone counts as done.",
        report,
        e);
  }
}
