package io.github.cfcontainers.cloudflare.model;

/**
 * {@code observability}: {@code {"enabled": true}} (container logs follow it); {@code
 * head_sampling_rate} optional.
 */
public record WorkerObservability(Boolean enabled, Double headSamplingRate) {

  public static WorkerObservability enabled(boolean enabled) {
    return new WorkerObservability(enabled, null);
  }
}
