package io.github.cfcontainers.deploy;

import io.github.cfcontainers.config.ContainerSpec;

/**
 * One container as it should be on Cloudflare: the built spec plus the application settings.
 *
 * @param binding the Durable Object binding name in the Worker
 * @param adopt take over an existing application with this name that serves another namespace
 * @param renamedFrom the class's previous name, or null: its namespace is renamed, not replaced
 */
public record ContainerDeployment(
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
