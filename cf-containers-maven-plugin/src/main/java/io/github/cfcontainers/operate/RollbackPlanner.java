package io.github.cfcontainers.operate;

import io.github.cfcontainers.cloudflare.CloudflareApi;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import io.github.cfcontainers.cloudflare.model.Rollout;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.deploy.ApplicationSpec;
import io.github.cfcontainers.deploy.InstanceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, from reads only, what each application goes back to. The history is the API's rollout
 * list ({@code GET …/applications/{id}/rollouts}, containers-shared
 * RolloutsService.listApplicationRollouts), so it works from a fresh checkout. The list's order is
 * not documented: it is sorted here, newest first, by {@code target_version} (each rollout targets
 * a new version) or else {@code created_at}.
 *
 * <p>The current configuration is the newest rollout that is completed or still under way (a
 * reverted or replaced one never became what runs). What ran before it is the next older completed
 * rollout's {@code target_configuration}; with no such rollout, the current one's {@code
 * current_configuration} (the configuration before it, e.g. the one the application was created
 * with, which no rollout rolled out). Without either there is nothing to roll back to. Rolling back
 * twice returns to where the first rollback started.
 */
final class RollbackPlanner {

  private final CloudflareApi api;

  RollbackPlanner(CloudflareApi api) {
    this.api = api;
  }

  RollbackPlan plan(RollbackSettings settings) {
    var chosen = chosen(settings);
    var items = new ArrayList<RollbackPlan.Item>();
    var problems = new ArrayList<String>();
    for (var container : chosen) {
      String name = container.spec().name();
      Optional<Application> app = api.findApplicationByName(name);
      if (app.isEmpty()) {
        problems.add("Application " + name + ": not deployed, nothing to roll back");
        continue;
      }
      try {
        items.add(item(container, app.get(), api.listRollouts(app.get().id())));
      } catch (NothingToRollBack e) {
        problems.add("Application " + name + " (" + app.get().id() + "): " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new CfException(
          "Nothing was changed: "
              + String.join("; ", problems)
              + "."
              + (chosen.size() > 1
                  ? " Roll back the others alone with -D" + PropertyNames.CONTAINER + "=<name>."
                  : ""));
    }
    return new RollbackPlan(items);
  }

  private static List<ApplicationSpec> chosen(RollbackSettings settings) {
    if (settings.only() == null || settings.only().isBlank()) {
      return settings.containers();
    }
    String only = settings.only().trim();
    var match =
        settings.containers().stream()
            .filter(
                c ->
                    only.equals(c.spec().name())
                        || only.equals(c.spec().className())
                        || only.equals(c.spec().label()))
            .toList();
    if (match.isEmpty()) {
      throw new InvalidSettingException(
          Setting.of("container").withProperty(PropertyNames.CONTAINER),
          "No configured container is named '" + only + "'.",
          "use one of "
              + settings.containers().stream().map(c -> c.spec().name()).toList()
              + " (an application name or a class name)");
    }
    return match;
  }

  /** Why an application has nothing to roll back to. */
  static final class NothingToRollBack extends RuntimeException {
    NothingToRollBack(String message) {
      super(message, null, false, false);
    }
  }

  static RollbackPlan.Item item(
      ApplicationSpec container, Application app, List<Rollout> rollouts) {
    if (rollouts.isEmpty()) {
      throw new NothingToRollBack(
          "no rollout in its history: it runs the configuration it was created with");
    }
    var newestFirst = newestFirst(rollouts);
    int current = -1;
    for (int i = 0; i < newestFirst.size(); i++) {
      var r = newestFirst.get(i);
      if ("completed".equals(r.status()) || r.isActive()) {
        current = i;
        break;
      }
    }
    if (current < 0) {
      throw new NothingToRollBack(
          "every rollout in its history was reverted or replaced: it runs the"
              + " configuration it was created with");
    }
    Rollout now = newestFirst.get(current);
    if (now.isActive()
        && now.description() != null
        && now.description().startsWith(RollbackService.DESCRIPTION)) {
      // A rerun after a wait that timed out: rolling back again would undo the rollback under way.
      throw new NothingToRollBack(
          "its rollback rollout "
              + now.id()
              + " is still "
              + now.status()
              + "; follow it with 'mvn cf:status'");
    }
    ApplicationConfiguration target = null;
    Long toVersion = null;
    String basis = null;
    for (int i = current + 1; i < newestFirst.size() && target == null; i++) {
      var r = newestFirst.get(i);
      if ("completed".equals(r.status()) && hasImage(r.targetConfiguration())) {
        target = r.targetConfiguration();
        toVersion = r.targetVersionNumber();
        basis = "the target of rollout " + r.id() + ", which ran before rollout " + now.id();
      }
    }
    if (target == null && hasImage(now.currentConfiguration())) {
      target = now.currentConfiguration();
      toVersion = now.currentVersionNumber();
      basis = "the configuration before rollout " + now.id() + ", its current_configuration";
    }
    if (target == null) {
      throw new NothingToRollBack(
          "only rollout "
              + now.id()
              + " is in its history and it states no configuration"
              + " before it, so there is nothing to roll back to");
    }
    ApplicationConfiguration running = app.configuration();
    ApplicationConfiguration merged = merge(target, running);
    var changes = changes(running, merged);
    String fromImage =
        now.targetConfiguration() != null && now.targetConfiguration().image() != null
            ? now.targetConfiguration().image()
            : running == null ? null : running.image();
    boolean patch = !changes.isEmpty();
    if (!patch && Objects.equals(fromImage, merged.image())) {
      throw new NothingToRollBack("it already runs " + merged.image() + " (" + basis + ")");
    }
    return new RollbackPlan.Item(
        app.name(),
        app.id(),
        app.version(),
        now.id(),
        now.targetVersionNumber(),
        toVersion,
        fromImage,
        merged.image(),
        basis,
        patch ? changes : List.of("image: " + fromImage + " -> " + merged.image()),
        patch,
        merged,
        container.rollout());
  }

  /**
   * Newest first: by target_version when every rollout has one, else by created_at (ISO-8601 UTC
   * sorts as text).
   */
  static List<Rollout> newestFirst(List<Rollout> rollouts) {
    Comparator<Rollout> order =
        rollouts.stream().allMatch(r -> r.targetVersionNumber() != null)
            ? Comparator.comparing(Rollout::targetVersionNumber)
            : Comparator.comparing(
                Rollout::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()));
    return rollouts.stream().sorted(order.reversed()).toList();
  }

  private static boolean hasImage(ApplicationConfiguration c) {
    return c != null && c.image() != null && !c.image().isBlank();
  }

  /**
   * The history's configuration may be partial ("user-specified container configuration changes"):
   * its image, its size as a whole when it states one (never mixed with the current one), and its
   * logs switch when stated; the rest stays as the application has it. The size is written in one
   * form: a read-back states the resolved sizes next to the type (reference §5), and a write takes
   * either {@code instance_type} or custom sizes, so a known type (legacy names mapped, or inferred
   * from the sizes, as wrangler's inferInstanceType does) is sent by name alone.
   */
  static ApplicationConfiguration merge(
      ApplicationConfiguration target, ApplicationConfiguration running) {
    boolean targetSized =
        target.instanceType() != null
            || target.vcpu() != null
            || target.memoryMib() != null
            || target.disk() != null;
    var sized = targetSized || running == null ? target : running;
    var observability =
        target.observability() != null || running == null
            ? target.observability()
            : running.observability();
    String type = InstanceType.canonicalName(sized);
    if (type != null) {
      return new ApplicationConfiguration(target.image(), type, null, null, null, observability);
    }
    return new ApplicationConfiguration(
        target.image(), null, sized.vcpu(), sized.memoryMib(), sized.disk(), observability);
  }

  /** Field by field, sizes by their canonical instance type when both have one. */
  static List<String> changes(ApplicationConfiguration now, ApplicationConfiguration back) {
    var changes = new ArrayList<String>();
    compare(changes, "image", now == null ? null : now.image(), back.image());
    String nowType = now == null ? null : InstanceType.canonicalName(now);
    String backType = InstanceType.canonicalName(back);
    if (nowType != null && backType != null) {
      compare(changes, "instance_type", nowType, backType);
    } else if (now != null) {
      compare(changes, "instance_type", now.instanceType(), back.instanceType());
      compare(changes, "vcpu", now.vcpu(), back.vcpu());
      compare(changes, "memory_mib", now.memoryMib(), back.memoryMib());
      compare(
          changes,
          "disk.size_mb",
          now.disk() == null ? null : now.disk().sizeMb(),
          back.disk() == null ? null : back.disk().sizeMb());
    }
    compare(changes, "observability.logs", logs(now), logs(back));
    return changes;
  }

  private static Boolean logs(ApplicationConfiguration c) {
    return c == null || c.observability() == null || c.observability().logs() == null
        ? Boolean.FALSE
        : Boolean.TRUE.equals(c.observability().logs().enabled());
  }

  private static void compare(List<String> changes, String field, Object now, Object back) {
    if (!Objects.equals(now, back)) {
      changes.add(field + ": " + now + " -> " + back);
    }
  }
}
