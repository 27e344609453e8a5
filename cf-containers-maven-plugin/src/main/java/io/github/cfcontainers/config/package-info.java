/**
 * The user's settings in two forms, one naming rule: as written ({@code *Config} interfaces, which
 * the Maven layer's XML classes implement, every answer may be null) and validated ({@code *Spec}
 * records: defaults applied, names checked), with the resolvers that turn one into the other or
 * name the setting to fix. No I/O beyond checking that files exist; depends only on {@code common}.
 */
package io.github.cfcontainers.config;
