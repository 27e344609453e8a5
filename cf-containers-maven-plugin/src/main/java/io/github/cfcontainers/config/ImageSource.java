package io.github.cfcontainers.config;

/** Where a container's image comes from: built from a Dockerfile, or a prebuilt reference. */
public sealed interface ImageSource permits BuildSpec, PrebuiltImage {}
