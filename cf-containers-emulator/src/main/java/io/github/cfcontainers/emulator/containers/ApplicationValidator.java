package io.github.cfcontainers.emulator.containers;

import static io.github.cfcontainers.emulator.containers.ApplicationFields.onlyFields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.registry.ImageReference;
import io.github.cfcontainers.emulator.registry.RegistryClient;
import io.github.cfcontainers.emulator.state.EmulatorConfig;
import java.util.List;
import java.util.Set;

/**
 * The checks the containers API makes on an application's configuration: known fields only, sizes
 * within limits, an image that exists in this account's registry and fits the disk. Errors carry
 * the real `{"error":CODE,"details":{...}}` message. The other fields of application and rollout
 * bodies are checked by {@link ApplicationFields}.
 */
public final class ApplicationValidator {
  // containers-shared/src/client/models/UserDeploymentConfiguration.ts (the client generated from
  // the API's OpenAPI).
  static final Set<String> CONFIGURATION_FIELDS =
      Set.of(
          "image",
          "instance_type",
          "vcpu",
          "memory_mib",
          "disk",
          "observability",
          "environment_variables",
          "labels",
          "secrets",
          "command",
          "entrypoint",
          "ports",
          "wrangler_ssh",
          "authorized_keys",
          "trusted_user_ca_keys",
          "ssh_public_key_ids",
          "network",
          "dns",
          "checks",
          "experimental_flags");
  static final Set<String> DOCKER_HUB =
      Set.of("docker.io", "registry-1.docker.io", "index.docker.io");
  static final int VCPU_LIMIT = 4, MEMORY_LIMIT_MIB = 12288, DISK_LIMIT_MB = 20000;
  private static final long MIB = 1024L * 1024;

  private final EmulatorConfig config;
  private final RegistryClient registry;

  public ApplicationValidator(EmulatorConfig config, RegistryClient registry) {
    this.config = config;
    this.registry = registry;
  }

  /** WranglerSSHConfig.ts {enabled, port?}; UserSSHPublicKey.ts {name?, public_key}. */
  private static void ssh(JsonNode n) {
    if (n.has("wrangler_ssh")) {
      JsonNode w = n.get("wrangler_ssh");
      onlyFields(w, Set.of("enabled", "port"), "configuration.wrangler_ssh");
      if (!w.path("enabled").isBoolean())
        throw ApiException.invalidInput("configuration.wrangler_ssh.enabled", "required boolean");
      if (w.has("port")
          && (!w.get("port").isIntegralNumber()
              || w.get("port").asInt() < 1
              || w.get("port").asInt() > 65535)) {
        throw ApiException.invalidInput("configuration.wrangler_ssh.port", "must be a port number");
      }
    }
    for (String f : List.of("authorized_keys", "trusted_user_ca_keys")) {
      if (!n.has(f)) continue;
      if (!n.get(f).isArray())
        throw ApiException.invalidInput("configuration." + f, "must be an array");
      for (JsonNode k : n.get(f)) {
        onlyFields(k, Set.of("name", "public_key"), "configuration." + f + "[]");
        if (!k.path("public_key").isTextual() || !k.get("public_key").asText().startsWith("ssh-")) {
          throw ApiException.invalidInput(
              "configuration." + f + "[].public_key", "required OpenSSH public key");
        }
      }
    }
  }

  /**
   * Validates a configuration and answers the stored form: as the API answers it, a named instance
   * type comes back under its legacy alias (instance-type.ts LEGACY_TO_CANONICAL: "The API may
   * return the legacy alias") together with the resolved `vcpu`, `memory_mib` and `disk.size_mb`,
   * from which wrangler's cleanApplicationFromAPI (containers/deploy.ts) infers the instance type
   * back with inferInstanceType.
   */
  ObjectNode configuration(JsonNode n) {
    if (n == null) throw ApiException.invalidInput("configuration", "required");
    onlyFields(n, CONFIGURATION_FIELDS, "configuration");
    ObjectNode stored = n.deepCopy();
    long diskMb;
    boolean custom = n.has("vcpu") || n.has("memory_mib") || n.has("disk");
    if (n.has("instance_type")) {
      if (custom)
        throw ApiException.invalidInput(
            "configuration", "give either instance_type or vcpu/memory_mib/disk, not both");
      String canonical = InstanceTypes.canonical(n.get("instance_type").asText());
      if (canonical == null) {
        throw ApiException.invalidInput(
            "configuration.instance_type",
            "unknown instance type "
                + n.get("instance_type")
                + "; one of "
                + InstanceTypes.SIZES.keySet()
                + " (legacy: dev, standard)");
      }
      resolveSizes(stored, canonical);
      diskMb = InstanceTypes.SIZES.get(canonical).diskMb();
    } else if (custom) {
      diskMb = customSize(n);
      stored.putObject("disk").put("size_mb", diskMb);
    } else {
      resolveSizes(stored, "lite");
      diskMb = InstanceTypes.SIZES.get("lite").diskMb();
    }
    ssh(n);
    if (n.has("observability"))
      onlyFields(n.get("observability"), Set.of("logs"), "configuration.observability");
    checkImage(n.path("image").asText(null), diskMb);
    return stored;
  }

  private static void resolveSizes(ObjectNode stored, String canonical) {
    InstanceTypes.Size size = InstanceTypes.SIZES.get(canonical);
    stored.put("instance_type", InstanceTypes.asAnswered(canonical));
    stored.put("vcpu", size.vcpu()).put("memory_mib", size.memoryMib());
    stored.putObject("disk").put("size_mb", size.diskMb());
  }

  private long customSize(JsonNode n) {
    JsonNode vcpu = n.get("vcpu"), memory = n.get("memory_mib"), disk = n.get("disk");
    if (vcpu == null || !vcpu.isNumber())
      throw ApiException.invalidInput("configuration.vcpu", "required number with custom sizes");
    if (memory == null || !memory.isIntegralNumber())
      throw ApiException.invalidInput(
          "configuration.memory_mib", "required integer with custom sizes");
    double v = vcpu.asDouble();
    long mem = memory.asLong();
    if (v < 1 || v > VCPU_LIMIT) {
      throw ApiException.containers(
          400,
          "SURPASSED_BASE_LIMITS",
          Json.object()
              .put("vcpu", v)
              .put("limit", "custom instances take 1 to " + VCPU_LIMIT + " vCPU"));
    }
    if (mem > MEMORY_LIMIT_MIB) {
      throw ApiException.containers(
          400,
          "SURPASSED_BASE_LIMITS",
          Json.object().put("memory_mib", mem).put("limit", MEMORY_LIMIT_MIB));
    }
    if (mem < 3072 * v) {
      throw ApiException.invalidInput(
          "configuration.memory_mib",
          "at least 3 GiB (3072 MiB) of memory per vCPU: "
              + v
              + " vCPU need "
              + (long) Math.ceil(3072 * v)
              + " MiB, got "
              + mem);
    }
    long diskMb = 2000L * mem / 1024;
    if (disk != null) {
      onlyFields(disk, Set.of("size_mb"), "configuration.disk");
      if (!disk.path("size_mb").isIntegralNumber() || disk.get("size_mb").asLong() < 1) {
        throw ApiException.invalidInput("configuration.disk.size_mb", "required positive integer");
      }
      long size = disk.get("size_mb").asLong();
      if (size > DISK_LIMIT_MB) {
        throw ApiException.containers(
            400,
            "SURPASSED_BASE_LIMITS",
            Json.object().put("disk_mb", size).put("limit", DISK_LIMIT_MB));
      }
      if (size * 1024 > 2000L * mem) {
        throw ApiException.invalidInput(
            "configuration.disk.size_mb",
            "at most 2000 MB of disk per GiB of memory: "
                + mem
                + " MiB allow "
                + diskMb
                + " MB, got "
                + size);
      }
      diskMb = size;
    }
    return diskMb;
  }

  private void checkImage(String image, long diskMb) {
    if (image == null || image.isEmpty())
      throw ApiException.invalidInput("configuration.image", "required");
    ImageReference ref = ImageReference.parse(image);
    if (ref == null)
      throw ApiException.invalidInput(
          "configuration.image", "not a fully qualified image reference: " + image);
    // wrangler cloudchamber/common.ts parseImageName: '"latest" tag is not allowed' (an untagged
    // name is latest).
    if ("latest".equals(ref.tag()))
      throw ApiException.invalidInput(
          "configuration.image", "\"latest\" tag is not allowed: " + image);
    if (DOCKER_HUB.contains(ref.host())) {
      // Cloudflare docs, containers/guides/image-management: "Public Docker Hub images do not
      // require
      // registry configuration". Offline, the emulator cannot see whether it exists, its size or
      // platform.
      return;
    }
    if (config.registryHost() == null || !ref.host().equals(config.registryHost())) {
      // Same page: Amazon ECR, Google Artifact Registry and private Docker Hub images need
      // `wrangler containers registries configure` first; no other registry is supported.
      throw ApiException.containers(
          400,
          "IMAGE_REGISTRY_NOT_CONFIGURED",
          Json.object()
              .put("image", image)
              .put("registry", ref.host())
              .put("configured", String.valueOf(config.registryHost())));
    }
    if (!ref.repository().startsWith(config.accountId() + "/")) {
      throw ApiException.invalidInput(
          "configuration.image",
          "the repository must be under this account: "
              + ref.host()
              + "/"
              + config.accountId()
              + "/<name>, got "
              + image);
    }
    RegistryClient.ImageInfo info = registry.inspect(ref);
    if (info == null) {
      throw ApiException.containers(
          400, "IMAGE_REGISTRY_DOESNT_CONTAIN_IMAGE", Json.object().put("image", image));
    }
    if (!"linux".equals(info.os()) || !"amd64".equals(info.architecture())) {
      throw ApiException.invalidInput(
          "configuration.image",
          "must be a linux/amd64 image, got " + info.os() + "/" + info.architecture());
    }
    double needed = info.sizeBytes() * 1.1 + info.layers() * 16 * MIB;
    if (needed > diskMb * 1_000_000.0) {
      ObjectNode d =
          Json.object()
              .put("image", image)
              .put("image_size_bytes", info.sizeBytes())
              .put("layers", info.layers())
              .put("disk_mb", diskMb)
              .put("rule", "size*1.1 + layers*16MiB <= disk");
      throw ApiException.containers(
          400, "VALIDATE_INPUT", Json.object().set("configuration.disk", d));
    }
  }
}
