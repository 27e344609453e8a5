package io.github.cfcontainers.config;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the containers as written into validated specs, or fails on the first setting that needs
 * fixing. Runs before anything is built, pushed or changed.
 */
public final class ContainerResolver {

  private final Path baseDirectory;

  public ContainerResolver(Path baseDirectory) {
    this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
  }

  public List<ContainerSpec> resolve(String workerName, List<? extends ContainerConfig> inputs) {
    checkWorkerName(workerName);
    if (inputs.isEmpty()) {
      throw new InvalidSettingException(
          Setting.of("containers"),
          "No container is configured.",
          "add <containers><container><className>MyContainer</className></container></containers>"
              + " naming the Durable Object class that owns the container");
    }
    inputs.forEach(ContainerResolver::checkNumbers);
    var specs = new ArrayList<ContainerSpec>();
    var byClass = new HashMap<String, Integer>();
    var byName = new HashMap<String, Integer>();
    for (int i = 0; i < inputs.size(); i++) {
      var spec = resolveOne(workerName, inputs.get(i), i + 1);
      rejectDuplicate(byClass, spec.className(), i + 1, spec.label(), "className");
      rejectDuplicate(byName, spec.name(), i + 1, spec.label(), "name");
      specs.add(spec);
    }
    return List.copyOf(specs);
  }

  /**
   * The numbers are the elements' text: a typo fails every goal alike, before anything else, with a
   * message naming the element (the deployment resolver reads them again as values).
   */
  private static void checkNumbers(ContainerConfig c) {
    var numbers = new WrittenNumbers(c.className() == null ? "?" : c.className());
    numbers.decimal(c.vcpu(), "vcpu");
    numbers.whole(c.memoryMib(), "memoryMib");
    numbers.whole(c.diskMb(), "diskMb");
    numbers.whole(c.maxInstances(), "maxInstances");
    numbers.wholeList(c.tiers(), "tiers", "tier");
    RolloutConfig rollout = c.rollout();
    if (rollout != null) {
      numbers.whole(rollout.stepPercentage(), "rollout", "stepPercentage");
      numbers.wholeList(rollout.steps(), "rollout", "steps", "step");
      numbers.whole(rollout.activeGracePeriod(), "rollout", "activeGracePeriod");
    }
  }

  private static void checkWorkerName(String workerName) {
    var setting = Setting.of("workerName").withProperty(PropertyNames.WORKER_NAME);
    if (workerName == null || workerName.isBlank()) {
      throw new InvalidSettingException(
          setting, "The Worker name is empty.", Names.WORKER_NAME_RULE);
    }
    if (!Names.WORKER_NAME.matcher(workerName).matches()) {
      throw new InvalidSettingException(
          setting,
          "The Worker name '" + workerName + "' is not a valid Cloudflare Worker name.",
          Names.WORKER_NAME_RULE);
    }
  }

  private static void rejectDuplicate(
      Map<String, Integer> seen, String value, int index, String label, String field) {
    Integer first = seen.putIfAbsent(value, index);
    if (first != null) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, field),
          "Containers #" + first + " and #" + index + " share the " + field + " '" + value + "'.",
          "give every container its own " + field);
    }
  }

  private ContainerSpec resolveOne(String workerName, ContainerConfig input, int index) {
    String className = input.className();
    String label = className == null || className.isBlank() ? "#" + index : className;
    if (className == null || className.isBlank()) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "className"),
          "Container #" + index + " has no className.",
          Names.CLASS_NAME_RULE);
    }
    if (!Names.JS_IDENTIFIER.matcher(className).matches()) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "className"),
          "'" + className + "' is not a JavaScript class name.",
          Names.CLASS_NAME_RULE);
    }
    String name = blankToNull(input.name());
    if (name == null) {
      name = Names.defaultContainerName(workerName, className);
      if (!Names.isValidContainerName(name)) {
        throw new InvalidSettingException(
            Setting.ofContainer(label, "name"),
            "The default container name '"
                + name
                + "' (<workerName>-<className>, lower-cased) is not valid.",
            "set <name> explicitly; " + Names.CONTAINER_NAME_RULE);
      }
    } else if (!Names.isValidContainerName(name)) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "name"),
          "The container name '" + name + "' is not valid.",
          Names.CONTAINER_NAME_RULE);
    }
    label = className + " (" + name + ")";
    Optional<String> tag = Optional.ofNullable(blankToNull(input.tag()));
    if (tag.isPresent() && !Names.TAG.matcher(tag.get()).matches()) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "tag"),
          "The tag '" + tag.get() + "' is not a valid image tag.",
          Names.TAG_RULE);
    }
    String image = blankToNull(input.image());
    if (image != null) {
      if (input.build() != null) {
        throw new InvalidSettingException(
            Setting.ofContainer(label, "image"),
            "Both <image> and <build> are set for " + label + ".",
            "keep <image> to deploy a prebuilt image, or <build> to build one, not both");
      }
      if (tag.isPresent()) {
        throw new InvalidSettingException(
            Setting.ofContainer(label, "tag"),
            "<tag> applies to built images, but "
                + label
                + " uses the prebuilt <image> "
                + image
                + ".",
            "put the tag into <image> (name:tag) and remove <tag>");
      }
      ImageReferences.check(image, Setting.ofContainer(label, "image"));
      return new ContainerSpec(className, name, tag, new PrebuiltImage(image));
    }
    return new ContainerSpec(className, name, tag, resolveBuild(label, input.build()));
  }

  /** {@code build} may be null: the defaults (the project directory and its Dockerfile). */
  private BuildSpec resolveBuild(String label, BuildConfig build) {
    Path context = resolve(baseDirectory, get(build, BuildConfig::context));
    if (!Files.isDirectory(context)) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "build", "context"),
          "The build context "
              + context
              + " of "
              + label
              + " "
              + (Files.exists(context) ? "is not a directory." : "does not exist."),
          "point <context> at the directory the Dockerfile's COPY instructions read from"
              + " (default: the project directory)");
    }
    String dockerfileName = blankToNull(get(build, BuildConfig::dockerfile));
    Path dockerfile = resolve(context, dockerfileName == null ? "Dockerfile" : dockerfileName);
    if (!Files.isRegularFile(dockerfile)) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "build", "dockerfile"),
          "No Dockerfile at " + dockerfile + " for " + label + ".",
          dockerfileName == null
              ? "add a Dockerfile to " + context + ", or set <dockerfile> (relative to the context)"
              : "fix <dockerfile>: it is resolved against the build context " + context);
    }
    String platform = blankToNull(get(build, BuildConfig::platform));
    platform = platform == null ? Platforms.CLOUDFLARE : platform.trim();
    if (!Platforms.isKnown(platform)) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "build", "platform"),
          "Unknown platform '" + platform + "' for " + label + ".",
          "use " + Platforms.CLOUDFLARE + ", the only platform Cloudflare runs");
    }
    return new BuildSpec(
        context,
        dockerfile,
        Optional.ofNullable(blankToNull(get(build, BuildConfig::target))),
        checkedMap(label, "args", get(build, BuildConfig::args)),
        platform,
        checkedMap(label, "labels", get(build, BuildConfig::labels)),
        Boolean.TRUE.equals(get(build, BuildConfig::noCache)),
        Boolean.TRUE.equals(get(build, BuildConfig::pull)));
  }

  /** Maven passes an empty element as null: treat it as empty, and refuse blank keys. */
  private static Map<String, String> checkedMap(
      String label, String element, Map<String, String> map) {
    var copy = new LinkedHashMap<String, String>();
    if (map == null) {
      return copy;
    }
    map.forEach(
        (key, value) -> {
          if (key == null || key.isBlank()) {
            throw new InvalidSettingException(
                Setting.ofContainer(label, "build", element),
                "An entry of <" + element + "> has no name.",
                "write entries as <NAME>value</NAME>");
          }
          copy.put(key, value == null ? "" : value);
        });
    return copy;
  }

  private static Path resolve(Path base, String path) {
    String value = blankToNull(path);
    return value == null ? base : base.resolve(value).toAbsolutePath().normalize();
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A {@code <build>} setting, or null when there is no {@code <build>} at all. */
  private static <T> T get(BuildConfig build, Function<BuildConfig, T> setting) {
    return build == null ? null : setting.apply(build);
  }
}
