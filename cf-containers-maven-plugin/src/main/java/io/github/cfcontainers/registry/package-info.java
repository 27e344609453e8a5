/**
 * The OCI registry over HTTP: manifest checks for {@code deploy} ({@code ManifestLookup}), image
 * deletion for {@code cf:destroy}, and TLS for loopback registries.
 */
package io.github.cfcontainers.registry;
