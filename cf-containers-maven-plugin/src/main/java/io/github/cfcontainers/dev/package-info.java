/**
 * {@code cf:dev}: the Worker and its containers on this machine, through Miniflare from the Worker
 * project's own wrangler ({@link DevRuntime}) and images the plugin built ({@link DevEngine}).
 */
package io.github.cfcontainers.dev;
