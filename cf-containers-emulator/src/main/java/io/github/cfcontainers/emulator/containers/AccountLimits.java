package io.github.cfcontainers.emulator.containers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.state.EmulatorConfig;
import io.github.cfcontainers.emulator.state.EmulatorState;

/**
 * The account's limits: what /me answers (per-deployment sizes, account totals, defaults) and the
 * account-wide vCPU total every application at max_instances must fit.
 */
final class AccountLimits {
  static final int TOTAL_VCPU = 1500;

  private AccountLimits() {}

  /** The /me answer: the account's limits and defaults. */
  static ObjectNode me(EmulatorConfig config) {
    ObjectNode n = Json.object();
    n.put("account_id", config.accountId()).put("external_account_id", config.accountId());
    ObjectNode limits = n.putObject("limits");
    limits.put("account_id", config.accountId());
    limits.put("vcpu_per_deployment", ApplicationValidator.VCPU_LIMIT);
    limits.put("memory_mib_per_deployment", ApplicationValidator.MEMORY_LIMIT_MIB);
    limits.put("disk_mb_per_deployment", ApplicationValidator.DISK_LIMIT_MB);
    limits
        .put("total_vcpu", TOTAL_VCPU)
        .put("total_memory_mib", 6_000_000)
        .put("total_disk_mb", 30_000_000);
    limits.put("node_group", "metal");
    n.putObject("defaults").put("vcpus", 1.0 / 16).put("memory_mib", 256).put("disk_mb", 2000);
    return n;
  }

  /** The account-wide totals of /me: every application at max_instances must fit. */
  static void checkTotals(
      EmulatorState state, String replacingId, ObjectNode configuration, int maxInstances) {
    double vcpu = vcpu(configuration) * maxInstances;
    for (EmulatorState.Application other : state.applications.values()) {
      if (!other.id().equals(replacingId))
        vcpu += vcpu(other.configuration()) * other.maxInstances();
    }
    if (vcpu > TOTAL_VCPU) {
      throw ApiException.containers(
          400, "SURPASSED_TOTAL_LIMITS", Json.object().put("vcpu", vcpu).put("limit", TOTAL_VCPU));
    }
  }

  private static double vcpu(ObjectNode configuration) {
    if (configuration.has("vcpu")) return configuration.get("vcpu").asDouble();
    String type = InstanceTypes.canonical(configuration.path("instance_type").asText("lite"));
    return InstanceTypes.SIZES.get(type == null ? "lite" : type).vcpu();
  }
}
