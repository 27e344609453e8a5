/**
 * {@code cf:deploy} and {@code cf:plan}: resolving the application settings, planning against what
 * the account has (a plan is a value: printed, diffed, recorded in {@code deployment.json}) and
 * applying it step by step (image, Worker, application, rollout), each step re-reading the remote
 * state it depends on so a rerun after any failure converges. Talks to Cloudflare through {@code
 * cloudflare}, to the registry through the {@link ManifestLookup} port.
 */
package io.github.cfcontainers.deploy;
