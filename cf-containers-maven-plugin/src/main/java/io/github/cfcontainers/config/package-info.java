/**
 * The user's settings in two forms: as written (the {@code *Input} records, every field may be
 * missing) and validated ({@code *Spec}: defaults applied, names checked), with the resolvers that
 * turn one into the other or name the setting to fix. No I/O; depends only on {@code common}.
 */
package io.github.cfcontainers.config;
