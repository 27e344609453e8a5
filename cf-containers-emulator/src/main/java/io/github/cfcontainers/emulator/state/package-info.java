/**
 * What one emulator holds: its configuration, the in-memory state of scripts, versions, namespaces,
 * applications and deployments, and the recorded rollouts whose progress is a function of time.
 */
package io.github.cfcontainers.emulator.state;
