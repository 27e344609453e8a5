/**
 * The account's container registry: minted registry credentials (htpasswd lines), image references,
 * the registry's HTTP API v2 client and its TLS transport, pulls into the local engine, and the
 * front that adds the endpoints only Cloudflare's registry serves.
 */
package io.github.cfcontainers.emulator.registry;
