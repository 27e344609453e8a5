package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.model.ContainersAccount;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Pre-flight checks against what the account allows, so the API's SURPASSED_BASE_LIMITS,
 * SURPASSED_TOTAL_LIMITS and IMAGE_REGISTRY_NOT_CONFIGURED never come after the Worker upload.
 */
final class AccountChecks {

  /** Sums of doubles (vCPU) are not exact: a limit met exactly must pass. */
  private static final double EPSILON = 1e-9;

  private AccountChecks() {}

  /**
   * Each instance against the {@code *_per_deployment} limits (what wrangler checks,
   * cloudchamber/limits.ts), and the sum of {@code maxInstances} x size over the containers against
   * the {@code total_*} limits. A limit the answer does not state is skipped: the schema is
   * wrangler's generated client, not a public promise.
   */
  static void checkLimits(
      List<ApplicationSpec> containers, ContainersAccount account, Reporter reporter) {
    var limits = account == null ? null : account.limits();
    if (limits == null) {
      reporter.debug("GET /containers/me stated no limits: the account limit checks are skipped.");
      return;
    }
    var dimensions =
        List.of(
            new Dimension(
                "vCPU",
                EffectiveSize::vcpu,
                "vcpu",
                new Limit(limits.vcpuPerDeployment(), "vcpu_per_deployment"),
                new Limit(limits.totalVcpu(), "total_vcpu")),
            new Dimension(
                "MiB of memory",
                s -> s.memoryMib().doubleValue(),
                "memoryMib",
                new Limit(toDouble(limits.memoryMibPerDeployment()), "memory_mib_per_deployment"),
                new Limit(toDouble(limits.totalMemoryMib()), "total_memory_mib")),
            new Dimension(
                "MB of disk",
                s -> s.diskMb().doubleValue(),
                "diskMb",
                new Limit(toDouble(limits.diskMbPerDeployment()), "disk_mb_per_deployment"),
                new Limit(toDouble(limits.totalDiskMb()), "total_disk_mb")));
    for (var container : containers) {
      for (var dimension : dimensions) {
        perInstance(container, dimension, reporter);
      }
    }
    for (var dimension : dimensions) {
      total(containers, dimension, reporter);
    }
  }

  /**
   * One size the account limits, per instance and in total.
   *
   * @param customElement the custom-size element that sets it, named when a custom size is too big
   */
  private record Dimension(
      String unit,
      Function<EffectiveSize, Double> perInstance,
      String customElement,
      Limit perDeployment,
      Limit total) {}

  /**
   * @param value null when the answer does not state it
   * @param field its name under {@code limits} in {@code GET /containers/me}
   */
  private record Limit(Double value, String field) {

    /** Whether the answer states it; a debug line says which check is skipped when not. */
    boolean stated(Reporter reporter) {
      if (value == null) {
        reporter.debug("GET /containers/me states no limits." + field + ": that check is skipped.");
      }
      return value != null;
    }
  }

  private static void perInstance(
      ApplicationSpec container, Dimension dimension, Reporter reporter) {
    var limit = dimension.perDeployment();
    if (!limit.stated(reporter)) {
      return;
    }
    double used = dimension.perInstance().apply(EffectiveSize.of(container.size()));
    if (used > limit.value() + EPSILON) {
      String element =
          container.size() instanceof ContainerSize.Custom
              ? dimension.customElement()
              : "instanceType";
      throw new InvalidSettingException(
          Setting.ofContainer(container.spec().label(), element),
          "Each instance of "
              + container.spec().label()
              + " has "
              + number(used)
              + " "
              + dimension.unit()
              + ", more than the "
              + number(limit.value())
              + " the account allows per instance (limits."
              + limit.field()
              + "). Nothing was changed.",
          "pick a smaller <instanceType> (or smaller custom sizes), or ask Cloudflare to raise the account's limits");
    }
  }

  private static void total(
      List<ApplicationSpec> containers, Dimension dimension, Reporter reporter) {
    var limit = dimension.total();
    if (!limit.stated(reporter)) {
      return;
    }
    double sum = 0;
    ApplicationSpec largest = null;
    double largestShare = -1;
    var parts = new ArrayList<String>();
    for (var container : containers) {
      double each = dimension.perInstance().apply(EffectiveSize.of(container.size()));
      double share = container.maxInstances() * each;
      sum += share;
      parts.add(container.spec().label() + ": " + container.maxInstances() + " x " + number(each));
      if (share > largestShare) {
        largestShare = share;
        largest = container;
      }
    }
    if (largest != null && sum > limit.value() + EPSILON) {
      throw new InvalidSettingException(
          Setting.ofContainer(largest.spec().label(), "maxInstances"),
          "At <maxInstances> the containers use up to "
              + number(sum)
              + " "
              + dimension.unit()
              + " ("
              + String.join(", ", parts)
              + "), more than the account's total of "
              + number(limit.value())
              + " (limits."
              + limit.field()
              + "). Nothing was"
              + " changed.",
          "lower <maxInstances> or pick a smaller <instanceType>, or ask Cloudflare to raise the account's limits");
    }
  }

  /**
   * Docker Hub: "Public Docker Hub images do not require registry configuration" (Containers image
   * management docs).
   */
  static final String DOCKER_HUB = "docker.io";

  /**
   * The external registries Cloudflare can pull from at all: getAndValidateRegistryType in
   * packages/containers-shared/src/images.ts (ECR, Docker Hub, Google Artifact Registry).
   */
  private static final List<Pattern> SUPPORTED =
      List.of(
          Pattern.compile("[0-9]{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com"),
          Pattern.compile(Pattern.quote(DOCKER_HUB)),
          Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-docker\\.pkg\\.dev"));

  /**
   * An image the deploy does not push must come from the account's registry, public Docker Hub, or
   * a registry the account has configured ({@code wrangler containers registries configure});
   * otherwise the application create fails with IMAGE_REGISTRY_NOT_CONFIGURED after the Worker is
   * live.
   *
   * @param configured the configured registry domains, empty when they cannot be known
   */
  static void checkRegistries(
      Map<ApplicationSpec, ImageTarget> targets,
      String registryHost,
      Supplier<Optional<List<String>>> configured,
      Reporter reporter) {
    Optional<List<String>> domains = null;
    for (var entry : targets.entrySet()) {
      var target = entry.getValue();
      if (target.pushed() || target.registry().equalsIgnoreCase(registryHost)) {
        continue;
      }
      String label = entry.getKey().spec().label();
      String host = target.registry().toLowerCase(Locale.ROOT);
      if (SUPPORTED.stream().noneMatch(p -> p.matcher(host).matches())) {
        throw unusableRegistry(
            label,
            target,
            registryHost,
            "Cloudflare cannot pull from",
            "Docker Hub (docker.io/...), Amazon ECR or Google Artifact Registry");
      }
      if (domains == null) {
        domains = configured.get();
      }
      if (host.equals(DOCKER_HUB)
          && domains.map(d -> d.stream().noneMatch(DOCKER_HUB::equalsIgnoreCase)).orElse(true)) {
        reporter.debug(
            ImagePublisher.imageOf(target, label)
                + " is on Docker Hub: a public image"
                + " needs no configured registry, a private one does (not checked).");
        continue;
      }
      if (domains.isEmpty()) {
        reporter.warn(
            "Cannot tell which image registries the account has configured, so the registry "
                + target.registry()
                + " of "
                + label
                + " is not checked; the application create fails if it is not.");
        continue;
      }
      boolean known = domains.get().stream().anyMatch(d -> d.equalsIgnoreCase(target.registry()));
      if (!known) {
        throw unusableRegistry(
            label,
            target,
            registryHost,
            "this account has not configured (it has "
                + (domains.get().isEmpty() ? "none" : String.join(", ", domains.get()))
                + " besides "
                + registryHost
                + ")",
            "or configure the registry first: wrangler containers registries configure "
                + target.registry());
      }
    }
  }

  /**
   * @param why what keeps the registry out, after "a registry"
   * @param otherwise the fix besides the account's own registry
   */
  private static InvalidSettingException unusableRegistry(
      String label, ImageTarget target, String registryHost, String why, String otherwise) {
    return new InvalidSettingException(
        Setting.ofContainer(label, "image"),
        ImagePublisher.imageOf(target, label)
            + " is in "
            + target.registry()
            + ", a registry "
            + why
            + ". Nothing was changed.",
        "use an image in "
            + registryHost
            + " (or a local image name:tag, which the deploy pushes there), "
            + otherwise);
  }

  private static Double toDouble(Long value) {
    return value == null ? null : value.doubleValue();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : Double.toString(value);
  }
}
