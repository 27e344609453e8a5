package io.github.cfcontainers.core;

/** Where a container's image comes from: built from a Dockerfile, or a prebuilt reference. */
public sealed interface ImageSource permits BuildSpec, PrebuiltImage {}
