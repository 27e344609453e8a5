/**
 * The test-facing admin API under {@code /__emulator}: state dumps, reset, the request log, faults,
 * answer shapes and the page-size cap. No auth, loopback only; not a Cloudflare behaviour.
 */
package io.github.cfcontainers.emulator.admin;
