package io.github.cfcontainers.config;

/** An image the user built elsewhere; nothing is built for it. */
public record PrebuiltImage(String reference) implements ImageSource {}
