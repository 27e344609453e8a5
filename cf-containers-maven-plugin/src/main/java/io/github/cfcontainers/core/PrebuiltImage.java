package io.github.cfcontainers.core;

/** An image the user built elsewhere; nothing is built for it. */
public record PrebuiltImage(String reference) implements ImageSource {}
