// Over 300 lines: an application's plan (the field diff) and its apply (create, PATCH, rollout)
// side by side, so they cannot drift apart.
package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.CloudflareApiException;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.cloudflare.model.ApplicationConstraints;
import io.github.cfcontainers.cloudflare.model.ApplicationCreateRequest;
import io.github.cfcontainers.cloudflare.model.ApplicationPatchRequest;
import io.github.cfcontainers.cloudflare.model.DurableObjectsRef;
import io.github.cfcontainers.cloudflare.model.Rollout;
import io.github.cfcontainers.cloudflare.model.RolloutCreateRequest;
import io.github.cfcontainers.common.CfException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** Creates the container application, or diffs it and patches + rolls out only what changed. */
final class ApplicationPublisher {

  /** How a deploy that lost a race to another one ends its message. */
  static final String RERUN =
      " The Worker is deployed; run the deploy again: it plans from the current state and"
          + " converges.";

  private final CloudflareApi api;

  ApplicationPublisher(CloudflareApi api) {
    this.api = api;
  }

  /**
   * @param namespaceId the class's Durable Object namespace, or null when the Worker upload will
   *     create it
   */
  ApplicationPlan plan(ApplicationSpec container, String namespaceId, PublishedImage image) {
    return plan(
        container, namespaceId, image, () -> api.findApplicationByName(container.spec().name()));
  }

  /**
   * @param read the application by name, possibly already in flight
   */
  ApplicationPlan plan(
      ApplicationSpec container,
      String namespaceId,
      PublishedImage image,
      Supplier<Optional<Application>> read) {
    var configuration = configuration(container, image.reference());
    var existing = read.get();
    if (existing.isEmpty()) {
      return new ApplicationPlan(
          container, ApplicationPlan.Action.CREATE, null, configuration, List.of(), null);
    }
    Application app = existing.get();
    String remoteNamespace =
        app.durableObjects() == null ? null : app.durableObjects().namespaceId();
    if (namespaceId == null || !namespaceId.equals(remoteNamespace)) {
      if (!container.adopt()) {
        throw new CfException(
            "A container application named "
                + app.name()
                + " ("
                + app.id()
                + ") already exists"
                + " and serves another Durable Object namespace ("
                + remoteNamespace
                + "). Set <adopt>true</adopt> on "
                + container.spec().label()
                + " to take it over (it is deleted and created again for this Worker),"
                + " or choose another <name>.");
      }
      return new ApplicationPlan(
          container, ApplicationPlan.Action.ADOPT, app, configuration, List.of(), app);
    }
    var changes = diff(container, configuration, app);
    if (!changes.isEmpty()) {
      return new ApplicationPlan(
          container, ApplicationPlan.Action.UPDATE, app, configuration, changes, null);
    }
    // Unchanged, but an earlier deploy may have patched it and failed to start the rollout: finish
    // that.
    var gap =
        app.id() == null
            ? Optional.<String>empty()
            : RolloutGap.of(app, api.listRollouts(app.id()));
    return gap.isPresent()
        ? new ApplicationPlan(
            container, ApplicationPlan.Action.ROLLOUT, app, configuration, List.of(gap.get()), null)
        : new ApplicationPlan(
            container, ApplicationPlan.Action.NO_CHANGE, app, configuration, List.of(), null);
  }

  /** Applies the plan; returns the application and the rollout it started, if any. */
  Applied apply(ApplicationPlan plan, String namespaceId) {
    var container = plan.container();
    switch (plan.action()) {
      case NO_CHANGE:
        return new Applied(plan.existing(), null);
      case UPDATE:
        {
          var patch =
              new ApplicationPatchRequest(
                  plan.configuration(),
                  container.maxInstances(),
                  constraints(container),
                  container.schedulingPolicy(),
                  container.rollout().activeGracePeriod());
          Application app;
          try {
            app = api.patchApplication(plan.existing().id(), patch);
          } catch (CloudflareApiException e) {
            throw changedMeanwhile(container, plan.existing(), e);
          }
          try {
            return new Applied(app, api.createRollout(app.id(), rollout(container, plan)));
          } catch (CloudflareApiException e) {
            throw changedMeanwhile(container, app, e);
          }
        }
      case ROLLOUT:
        try {
          return new Applied(
              plan.existing(), api.createRollout(plan.existing().id(), rollout(container, plan)));
        } catch (CloudflareApiException e) {
          throw changedMeanwhile(container, plan.existing(), e);
        }
      case ADOPT:
        api.deleteApplication(plan.replaced().id());
        return new Applied(create(container, plan.configuration(), namespaceId), null);
      case CREATE:
      default:
        return new Applied(create(container, plan.configuration(), namespaceId), null);
    }
  }

  record Applied(Application application, Rollout rollout) {}

  private Application create(
      ApplicationSpec container, ApplicationConfiguration configuration, String namespaceId) {
    var request =
        new ApplicationCreateRequest(
            container.spec().name(),
            container.schedulingPolicy(),
            0,
            container.maxInstances(),
            configuration,
            constraints(container),
            new DurableObjectsRef(namespaceId),
            container.rollout().activeGracePeriod());
    try {
      return api.createApplication(request);
    } catch (CloudflareApiException e) {
      // It did not exist when planned: if it does now, another deploy of this project created it
      // meanwhile (whatever
      // the API answered: a name taken, DURABLE_OBJECT_ALREADY_HAS_APPLICATION naming it, ...).
      var now = readBack(() -> api.findApplicationByName(container.spec().name()), e);
      if (now.isPresent()) {
        boolean lost = e.kind() == CloudflareApiException.Kind.TRANSPORT;
        throw new CfException(
            "Creating the container application "
                + container.spec().name()
                + " failed ("
                + e.getMessage()
                + "), but it exists now ("
                + now.get().id()
                + "): "
                + (lost
                    ? "this create's answer was lost, or another deploy created it meanwhile."
                    : "another deploy created it meanwhile.")
                + RERUN,
            e);
      }
      if (!e.hasErrorName("DURABLE_OBJECT_ALREADY_HAS_APPLICATION")) {
        throw e;
      }
      var details = e.detail().map(d -> d.details()).orElse(Map.of());
      String otherId = details.get("id");
      String otherName = details.getOrDefault("name", "?");
      if (!container.adopt() || otherId == null) {
        throw new CfException(
            "The Durable Object namespace of "
                + container.spec().label()
                + " is already served by the container application "
                + otherName
                + " ("
                + otherId
                + "). Set"
                + " <adopt>true</adopt> to take it over (it is deleted and this application created), or delete it.",
            e);
      }
      api.deleteApplication(otherId);
      return api.createApplication(request);
    }
  }

  /**
   * A PATCH or rollout that failed: when the application's version moved past {@code known} (or it
   * is gone), another deploy changed it meanwhile - say so, with the API's answer; otherwise the
   * failure is the answer alone.
   */
  private RuntimeException changedMeanwhile(
      ApplicationSpec container, Application known, CloudflareApiException e) {
    var now = readBack(() -> api.findApplication(known.id()), e);
    String who =
        e.kind() == CloudflareApiException.Kind.TRANSPORT
            ? "this change's answer was lost, or another deploy changed it meanwhile"
            : "another deploy changed it meanwhile";
    if (now.isEmpty()) {
      return new CfException(
          "Changing the container application "
              + container.spec().name()
              + " failed ("
              + e.getMessage()
              + "): it no longer exists, so another deploy deleted or replaced it meanwhile."
              + RERUN,
          e);
    }
    Integer version = now.get().version();
    if (version != null && known.version() != null && !version.equals(known.version())) {
      return new CfException(
          "Changing the container application "
              + container.spec().name()
              + " failed ("
              + e.getMessage()
              + "): "
              + who
              + " (version "
              + known.version()
              + " -> "
              + version
              + ")."
              + RERUN,
          e);
    }
    return e;
  }

  /** A read to explain a failure; when it fails too, the failure stands as it was. */
  private static <T> Optional<T> readBack(Supplier<Optional<T>> read, CloudflareApiException e) {
    try {
      return read.get();
    } catch (CloudflareApiException again) {
      e.addSuppressed(again);
      throw e;
    }
  }

  private static RolloutCreateRequest rollout(ApplicationSpec container, ApplicationPlan plan) {
    return container
        .rollout()
        .request("cf-containers: " + String.join("; ", plan.changes()), plan.configuration());
  }

  static ApplicationConfiguration configuration(ApplicationSpec container, String image) {
    if (container.size() instanceof ContainerSize.Custom custom) {
      return ApplicationConfiguration.custom(
          image, custom.vcpu(), custom.memoryMib(), custom.diskMb(), container.logs());
    }
    var named = (ContainerSize.Named) container.size();
    return ApplicationConfiguration.ofInstanceType(image, named.type().apiName(), container.logs());
  }

  static ApplicationConstraints constraints(ApplicationSpec container) {
    var c = container.constraints();
    if (c.isEmpty()) {
      return null;
    }
    return new ApplicationConstraints(
        c.tiers().isEmpty() ? null : c.tiers(),
        c.regions().isEmpty() ? null : c.regions(),
        c.jurisdiction());
  }

  /**
   * Field by field; sizes compared as effective sizes, so neither the form nor a legacy name is a
   * false change.
   */
  static List<String> diff(
      ApplicationSpec container, ApplicationConfiguration desired, Application app) {
    var changes = new ArrayList<String>();
    var remote = app.configuration();
    compare(changes, "image", remote == null ? null : remote.image(), desired.image());
    // Effective sizes, not the form: a read-back may state a named type, its sizes, or both.
    changes.addAll(
        EffectiveSize.diff(EffectiveSize.of(remote), EffectiveSize.of(container.size())));
    compare(changes, "observability.logs", logs(remote), logs(desired));
    compare(changes, "max_instances", app.maxInstances(), container.maxInstances());
    compare(
        changes,
        "scheduling_policy",
        app.schedulingPolicy() == null ? "default" : app.schedulingPolicy(),
        container.schedulingPolicy());
    var wanted = constraints(container);
    var have = app.constraints();
    compare(
        changes,
        "constraints.regions",
        listOrNull(have == null ? null : have.regions()),
        listOrNull(wanted == null ? null : wanted.regions()));
    compare(
        changes,
        "constraints.jurisdiction",
        have == null ? null : have.jurisdiction(),
        wanted == null ? null : wanted.jurisdiction());
    compare(
        changes,
        "constraints.tiers",
        listOrNull(have == null ? null : have.tiers()),
        listOrNull(wanted == null ? null : wanted.tiers()));
    Integer grace = container.rollout().activeGracePeriod();
    if (grace != null) {
      // Only when configured; an answer without the field means the API's default, 0
      // (containers-shared types.ts).
      compare(
          changes,
          "rollout_active_grace_period",
          app.rolloutActiveGracePeriod() == null ? 0 : app.rolloutActiveGracePeriod(),
          grace);
    }
    return changes;
  }

  private static Boolean logs(ApplicationConfiguration configuration) {
    if (configuration == null
        || configuration.observability() == null
        || configuration.observability().logs() == null) {
      return Boolean.FALSE;
    }
    return Boolean.TRUE.equals(configuration.observability().logs().enabled());
  }

  private static <T> List<T> listOrNull(List<T> list) {
    return list == null || list.isEmpty() ? null : list;
  }

  private static void compare(List<String> changes, String field, Object remote, Object desired) {
    if (!Objects.equals(remote, desired)) {
      changes.add(field + ": " + remote + " -> " + desired);
    }
  }
}
