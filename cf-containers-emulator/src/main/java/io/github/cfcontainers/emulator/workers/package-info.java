/**
 * The Workers API: scripts, versions, deployments, settings, workers.dev and deletes; the checks of
 * a script upload (parts, Durable Object classes and migrations, bindings); and the local Workers
 * runtime (Miniflare processes) behind the workers.dev stand-in that forwards traffic to it.
 */
package io.github.cfcontainers.emulator.workers;
