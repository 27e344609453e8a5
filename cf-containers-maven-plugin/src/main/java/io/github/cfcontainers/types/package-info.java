/**
 * {@code cf:types}: the Worker's {@code env.d.ts}, written from the POM's bindings, vars and
 * secrets.
 */
package io.github.cfcontainers.types;
