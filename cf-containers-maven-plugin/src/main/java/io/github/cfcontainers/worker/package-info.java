/**
 * The Worker bundle: the project's npm dependencies installed and its entry module bundled by
 * esbuild.
 */
package io.github.cfcontainers.worker;
