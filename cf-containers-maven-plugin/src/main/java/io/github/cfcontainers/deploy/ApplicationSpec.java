package io.github.cfcontainers.deploy;

import io.github.cfcontainers.config.ContainerSpec;

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
    String renamedFrom) {}
