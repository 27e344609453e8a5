package io.github.cfcontainers.cloudflare.model;

/** A {@code transferred_classes} entry: {@code {"from":…,"from_script":…,"to":…}}. */
public record TransferredClass(String from, String fromScript, String to) {}
