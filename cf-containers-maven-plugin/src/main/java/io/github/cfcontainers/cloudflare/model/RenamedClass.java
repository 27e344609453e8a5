package io.github.cfcontainers.cloudflare.model;

/** A {@code renamed_classes} entry: {@code {"from":…,"to":…}}. */
public record RenamedClass(String from, String to) {}
