package io.github.cfcontainers.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code GET /accounts/{a}/containers/me}: the account's container limits. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainersAccount(String accountId, Limits limits, List<String> locations) {

  /** {@code limits}; any field may be absent. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
  public record Limits(Double vcpuPerDeployment, Long memoryMibPerDeployment, Long diskMbPerDeployment,
             Double totalVcpu, Long totalMemoryMib, Long totalDiskMb) {
  }
}
