package io.github.cfcontainers.operate;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.config.ContainerConfig;
import io.github.cfcontainers.config.ImageReferences;
import io.github.cfcontainers.config.Names;
import io.github.cfcontainers.deploy.ImageTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The names cf:destroy needs from {@code <containers>}, and nothing else: no build context,
 * Dockerfile or build output is read, so a checkout without them can still destroy. A container's
 * name is its {@code <name>}, else the default {@code <workerName>-<className>}; its repository is
 * that name (a built image), a prebuilt local image's own name, or none for a prebuilt image
 * already in a registry (not pushed by this project, so never deleted).
 *
 * @param containerNames the application names
 * @param repositoryNames the registry repositories (below the account) this project pushes to
 * @param notPushed prebuilt images in a registry, kept
 */
public record DestroyTargets(
    List<String> containerNames, List<String> repositoryNames, List<String> notPushed) {

  public DestroyTargets {
    containerNames = List.copyOf(containerNames);
    repositoryNames = List.copyOf(repositoryNames);
    notPushed = List.copyOf(notPushed);
  }

  public static DestroyTargets resolve(
      String workerName,
      List<? extends ContainerConfig> inputs,
      String registryHost,
      String accountId) {
    var workerSetting = Setting.of("workerName").withProperty(PropertyNames.WORKER_NAME);
    if (workerName == null || !Names.WORKER_NAME.matcher(workerName).matches()) {
      throw new InvalidSettingException(
          workerSetting,
          "The Worker name '" + workerName + "' is not a valid" + " Cloudflare Worker name.",
          Names.WORKER_NAME_RULE);
    }
    var names = new ArrayList<String>();
    var repositories = new ArrayList<String>();
    var kept = new ArrayList<String>();
    for (int i = 0; i < inputs.size(); i++) {
      var input = inputs.get(i);
      String name = name(workerName, input, i + 1);
      names.add(name);
      String image = blankToNull(input.image());
      if (image == null) {
        repositories.add(name);
        continue;
      }
      if (!ImageReferences.isValid(image)) {
        throw new InvalidSettingException(
            Setting.ofContainer(name, "image"),
            "The image '" + image + "' of " + name + " is not a valid image reference.",
            "write it as name:tag, registry/name:tag or name@sha256:...");
      }
      ImageTarget target;
      try {
        target = ImageTarget.forPrebuilt(image, registryHost, accountId, name);
      } catch (InvalidSettingException e) {
        // e.g. a local image named by digest: cf:deploy refuses to push it, so it never was.
        kept.add(image);
        continue;
      }
      if (target.pushed()) {
        repositories.add(target.repositoryPath().substring(accountId.length() + 1));
      } else {
        kept.add(image);
      }
    }
    return new DestroyTargets(names, repositories, kept);
  }

  private static String name(String workerName, ContainerConfig input, int index) {
    String name = blankToNull(input.name());
    String className = blankToNull(input.className());
    String label = className == null ? "#" + index : className;
    if (name == null) {
      if (className == null || !Names.JS_IDENTIFIER.matcher(className).matches()) {
        throw new InvalidSettingException(
            Setting.ofContainer(label, "className"),
            "Container #"
                + index
                + (className == null
                    ? " has no className"
                    : "'s className '" + className + "' is not a class name")
                + " and no <name>, so cf:destroy cannot tell which application and image are its.",
            "set <name> to the container's application name (or <className>, whose default name is"
                + " <workerName>-<className>)");
      }
      name = Names.defaultContainerName(workerName, className);
    }
    if (!Names.isValidContainerName(name)) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "name"),
          "The container name '" + name + "' is not valid.",
          Names.CONTAINER_NAME_RULE);
    }
    return name;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
