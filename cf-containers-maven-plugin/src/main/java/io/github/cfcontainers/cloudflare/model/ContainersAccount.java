package io.github.cfcontainers.cloudflare.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * {@code GET /accounts/{a}/containers/me}: the account's container limits (CompleteAccountCustomer
 * in packages/containers-shared/src/client/models). {@code locations} are objects there, kept
 * unread.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainersAccount(String accountId, Limits limits, List<JsonNode> locations) {

  /**
   * {@code limits} (AccountLimit in containers-shared; wrangler's cloudchamber/limits.ts checks the
   * per-deployment ones). We do not count on any field: each may be absent.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Limits(
      Double vcpuPerDeployment,
      Long memoryMibPerDeployment,
      Long diskMbPerDeployment,
      Double totalVcpu,
      Long totalMemoryMib,
      Long totalDiskMb) {}
}
