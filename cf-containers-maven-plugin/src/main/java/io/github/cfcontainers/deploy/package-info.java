/**
 * {@code cf:deploy} and {@code cf:plan}: {@link DeployCommand} resolves the settings of a {@link
 * DeployRequest} and wires the API client and the registry; {@link DeployService} plans against
 * what the account has (a plan is a value: printed, diffed, recorded in {@code deployment.json}),
 * its independent reads sent at once, and applies it step by step (image, Worker, application,
 * rollout), each step re-reading the remote state it depends on so a rerun after any failure
 * converges. Talks to Cloudflare through {@code cloudflare}, to the registry through the {@link
 * ManifestLookup} port.
 */
package io.github.cfcontainers.deploy;
