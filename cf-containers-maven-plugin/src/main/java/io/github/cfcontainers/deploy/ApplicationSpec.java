package io.github.cfcontainers.deploy;

import io.github.cfcontainers.config.ContainerSpec;
import java.util.Objects;

/**
 * One container application as it should be on Cloudflare (validated from the POM's {@code
 * <container>}): the image spec plus the application settings.
 *
 * @param binding the Durable Object binding name in the Worker
 * @param adopt take over an existing application with this name that serves another namespace
 * @param renamedFrom the class's previous name, or null: its namespace is renamed, not replaced
 */
public record ApplicationSpec(
    ContainerSpec spec,
    String binding,
    ContainerSize size,
    int maxInstances,
    String schedulingPolicy,
    Constraints constraints,
    boolean logs,
    RolloutPolicy rollout,
    boolean adopt,
    String renamedFrom) {

  /**
   * The name alone: it is unique within a deploy ({@code ContainerResolver} rejects duplicates), so
   * this stays consistent with equals. The plans key several maps by this record, and the generated
   * hashCode links a method-handle tree for it and each nested record on first use, ~25 ms of a
   * goal's cold JVM.
   */
  @Override
  public int hashCode() {
    return spec == null ? 0 : Objects.hashCode(spec.name());
  }
}
