package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code GET /accounts/{a}/containers/me}: the account's container limits (CompleteAccountCustomer
 * in packages/containers-shared/src/client/models). {@code locations} are objects there, kept
 * unread.
 */
public record ContainersAccount(String accountId, Limits limits, List<JsonNode> locations) {

  /**
   * {@code limits} (AccountLimit in containers-shared; wrangler's cloudchamber/limits.ts checks the
   * per-deployment ones). We do not count on any field: each may be absent.
   */
  public record Limits(
      Double vcpuPerDeployment,
      Long memoryMibPerDeployment,
      Long diskMbPerDeployment,
      Double totalVcpu,
      Long totalMemoryMib,
      Long totalDiskMb) {}
}
