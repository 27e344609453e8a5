/**
 * The containers API: application routes and handlers, rollouts, instances and dash lists, the
 * checks on application bodies and configurations, instance types, account limits, and the runner
 * that starts application images on the local Docker engine.
 */
package io.github.cfcontainers.emulator.containers;
