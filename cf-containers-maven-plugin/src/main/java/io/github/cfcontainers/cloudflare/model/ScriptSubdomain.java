package io.github.cfcontainers.cloudflare.model;

/**
 * {@code /accounts/{a}/workers/scripts/{name}/subdomain}: {@code
 * {"enabled":…,"previews_enabled":…}}.
 */
public record ScriptSubdomain(Boolean enabled, Boolean previewsEnabled) {}
