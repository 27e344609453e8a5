package io.github.cfcontainers.deploy;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.config.ContainerSpec;
import io.github.cfcontainers.config.DeployConfig;
import io.github.cfcontainers.config.Names;
import io.github.cfcontainers.config.WorkerConfig;
import io.github.cfcontainers.config.WrittenNumbers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the application and Worker settings the way Cloudflare will, so a deploy fails before it
 * changes anything rather than half-way through.
 */
public final class DeploymentResolver {

  public static final int DEFAULT_MAX_INSTANCES = 20;
  public static final List<String> SCHEDULING_POLICIES =
      List.of("default", "moon", "regional", "gpu", "fill_metals");
  private static final Pattern BINDING = Names.JS_IDENTIFIER;
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final Clock clock;

  public DeploymentResolver(Clock clock) {
    this.clock = clock;
  }

  /**
   * The Worker's settings, validated.
   *
   * @param config {@code <worker>} as written, or null (all defaults)
   * @param secrets the declared secrets (values looked up by the caller, or names only)
   * @param uploadSecrets upload the secrets even when nothing else changed
   */
  public WorkerSpec worker(
      String workerName, WorkerConfig config, List<WorkerSecret> secrets, boolean uploadSecrets) {
    var vars = new LinkedHashMap<String, String>();
    if (config != null && config.vars() != null) {
      config
          .vars()
          .forEach(
              (name, value) -> {
                if (name == null || !BINDING.matcher(name).matches()) {
                  throw new InvalidSettingException(
                      Setting.of("worker", "vars"),
                      "The Worker variable name '" + name + "' is not a valid binding name.",
                      "use a JavaScript identifier, e.g. API_URL");
                }
                vars.put(name, value == null ? "" : value);
              });
    }
    for (WorkerSecret secret : secrets) {
      if (!BINDING.matcher(secret.name()).matches()) {
        throw new InvalidSettingException(
            Setting.of("worker", "secrets"),
            "The Worker secret name '" + secret.name() + "' is not a valid binding name.",
            "use a JavaScript identifier in <secret><name>, e.g. API_KEY");
      }
      if (vars.containsKey(secret.name())
          || secrets.stream().filter(s -> s.name().equals(secret.name())).count() > 1) {
        throw new InvalidSettingException(
            Setting.of("worker", "secrets"),
            "The Worker binding name "
                + secret.name()
                + " is used twice (<vars> and <secrets>, or two secrets).",
            "give each variable and each secret its own name");
      }
    }
    return new WorkerSpec(
        workerName,
        compatibilityDate(config == null ? null : config.compatibilityDate()),
        config == null || config.compatibilityFlags() == null
            ? List.of()
            : config.compatibilityFlags(),
        vars,
        config == null || !Boolean.FALSE.equals(config.observability()),
        config == null || !Boolean.FALSE.equals(config.workersDev()),
        secrets,
        uploadSecrets);
  }

  private LocalDate compatibilityDate(String value) {
    var setting = Setting.of("worker", "compatibilityDate");
    if (value == null || value.isBlank()) {
      throw new InvalidSettingException(
          setting,
          "The Worker has no compatibility date.",
          "set <compatibilityDate> to the date you last checked the Worker against the runtime, e.g. "
              + LocalDate.now(clock));
    }
    LocalDate date;
    try {
      if (!DATE.matcher(value.trim()).matches()) {
        throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
      }
      date = LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidSettingException(
          setting,
          "The compatibility date '" + value + "' is not a date.",
          "write it as YYYY-MM-DD, e.g. " + LocalDate.now(clock));
    }
    // Cloudflare refuses dates in the future; a day of slack covers time zones.
    if (date.isAfter(LocalDate.now(clock).plusDays(1))) {
      throw new InvalidSettingException(
          setting,
          "The compatibility date " + date + " lies in the future.",
          "use today's date or an earlier one");
    }
    return date;
  }

  public List<ApplicationSpec> containers(
      List<ContainerSpec> specs, List<? extends DeployConfig> configs, Set<String> varNames) {
    var result = new ArrayList<ApplicationSpec>();
    var bindings = new HashSet<>(varNames);
    for (int i = 0; i < specs.size(); i++) {
      var spec = specs.get(i);
      var deployment = container(spec, configs.get(i));
      if (!bindings.add(deployment.binding())) {
        throw new InvalidSettingException(
            Setting.ofContainer(spec.label(), "binding"),
            "The binding name "
                + deployment.binding()
                + " of "
                + spec.label()
                + " is used twice in the Worker.",
            "give each container, variable and secret its own binding name");
      }
      result.add(deployment);
    }
    return List.copyOf(result);
  }

  private ApplicationSpec container(ContainerSpec spec, DeployConfig in) {
    String label = spec.label();
    var numbers = new WrittenNumbers(spec.className());
    String binding = in.binding() == null ? defaultBinding(spec.className()) : in.binding().trim();
    if (!BINDING.matcher(binding).matches()) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "binding"),
          "The binding name '" + binding + "' is not valid.",
          "use a JavaScript identifier, e.g. MY_CONTAINER");
    }
    Integer written = numbers.whole(in.maxInstances(), "maxInstances");
    int maxInstances = written == null ? DEFAULT_MAX_INSTANCES : written;
    if (maxInstances < 1) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "maxInstances"),
          "maxInstances is " + maxInstances + " for " + label + ".",
          "use 1 or more");
    }
    String policy = in.schedulingPolicy() == null ? "default" : in.schedulingPolicy().trim();
    if (!SCHEDULING_POLICIES.contains(policy)) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "schedulingPolicy"),
          "Unknown scheduling policy '" + policy + "'.",
          "use one of " + String.join(", ", SCHEDULING_POLICIES));
    }
    String renamedFrom =
        in.renamedFrom() == null || in.renamedFrom().isBlank() ? null : in.renamedFrom().trim();
    if (renamedFrom != null
        && (!BINDING.matcher(renamedFrom).matches() || renamedFrom.equals(spec.className()))) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "renamedFrom"),
          "'" + renamedFrom + "' is not a previous class name of " + spec.className() + ".",
          "set <renamedFrom> to the class name the Worker exported before the rename, or remove it");
    }
    return new ApplicationSpec(
        spec,
        binding,
        size(label, in, numbers),
        maxInstances,
        policy,
        constraints(label, in, numbers),
        !Boolean.FALSE.equals(in.observability()),
        RolloutRules.resolve(label, in.rollout(), numbers),
        Boolean.TRUE.equals(in.adopt()),
        renamedFrom);
  }

  /** MyContainer becomes MY_CONTAINER, as wrangler's examples name them. */
  static String defaultBinding(String className) {
    return className.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static ContainerSize size(String label, DeployConfig in, WrittenNumbers numbers) {
    Double vcpuIn = numbers.decimal(in.vcpu(), "vcpu");
    Integer memoryMib = numbers.whole(in.memoryMib(), "memoryMib");
    Integer diskMb = numbers.whole(in.diskMb(), "diskMb");
    boolean custom = vcpuIn != null || memoryMib != null || diskMb != null;
    if (custom && in.instanceType() != null) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "instanceType"),
          label + " sets both <instanceType> and a custom size (<vcpu>, <memoryMib>, <diskMb>).",
          "keep one: a predefined instance type, or all three custom size settings");
    }
    if (!custom) {
      String name = in.instanceType() == null ? InstanceType.LITE.apiName() : in.instanceType();
      return new ContainerSize.Named(
          InstanceType.fromName(name)
              .orElseThrow(
                  () ->
                      new InvalidSettingException(
                          Setting.ofContainer(label, "instanceType"),
                          "Unknown instance type '" + name + "'.",
                          "use one of " + InstanceType.names() + ", or a custom size")));
    }
    if (vcpuIn == null || memoryMib == null || diskMb == null) {
      throw new InvalidSettingException(
          Setting.ofContainer(
              label, vcpuIn == null ? "vcpu" : memoryMib == null ? "memoryMib" : "diskMb"),
          "A custom size needs <vcpu>, <memoryMib> and <diskMb>; " + label + " lacks some.",
          "set all three");
    }
    double vcpu = vcpuIn;
    if (vcpu < 1 || vcpu > 4) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "vcpu"),
          "A custom size has " + vcpu + " vCPU.",
          "use 1 to 4 vCPU, or a predefined <instanceType> for less");
    }
    int minMemory = (int) Math.ceil(vcpu * 3072);
    if (memoryMib < minMemory) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "memoryMib"),
          memoryMib + " MiB is too little memory for " + vcpu + " vCPU.",
          "give at least 3 GiB per vCPU: " + minMemory + " MiB or more");
    }
    long maxDisk = (long) Math.floor(memoryMib / 1024.0 * 2000);
    if (diskMb < 1) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "diskMb"),
          "A custom size has " + diskMb + " MB of disk.",
          "use 1 to " + maxDisk + " MB for " + memoryMib + " MiB of memory (at most 2 GB per GiB)");
    }
    if (diskMb > maxDisk) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "diskMb"),
          diskMb + " MB of disk does not fit " + memoryMib + " MiB of memory.",
          "use at most 2 GB of disk per GiB of memory: " + maxDisk + " MB or less");
    }
    return new ContainerSize.Custom(vcpu, memoryMib, diskMb);
  }

  private static Constraints constraints(String label, DeployConfig in, WrittenNumbers numbers) {
    var regions = new ArrayList<String>();
    if (in.regions() != null) {
      for (String region : in.regions()) {
        // Maven hands an empty <region/> over as null.
        if (region == null || region.isBlank()) {
          throw new InvalidSettingException(
              Setting.ofContainer(label, "regions", "region"),
              "An empty <region/> in <regions>.",
              "name a region ("
                  + String.join(", ", Constraints.REGIONS)
                  + ") or remove the empty element");
        }
        String upper = region.trim().toUpperCase(Locale.ROOT);
        if (!Constraints.REGIONS.contains(upper)) {
          throw new InvalidSettingException(
              Setting.ofContainer(label, "regions"),
              "Unknown region '" + region + "'.",
              "use some of " + String.join(", ", Constraints.REGIONS));
        }
        regions.add(upper);
      }
    }
    String jurisdiction =
        in.jurisdiction() == null ? null : in.jurisdiction().trim().toLowerCase(Locale.ROOT);
    if (jurisdiction != null && !Constraints.JURISDICTIONS.contains(jurisdiction)) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "jurisdiction"),
          "Unknown jurisdiction '" + in.jurisdiction() + "'.",
          "use eu or fedramp, or leave it out");
    }
    var written = numbers.wholeList(in.tiers(), "tiers", "tier");
    var tiers = written == null ? List.<Integer>of() : written;
    if (tiers.stream().anyMatch(tier -> tier == null || tier < 1)) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "tiers"),
          "Tiers must be positive numbers, got " + tiers + ".",
          "use e.g. <tiers><tier>1</tier><tier>2</tier></tiers>");
    }
    return new Constraints(regions, jurisdiction, tiers);
  }
}
