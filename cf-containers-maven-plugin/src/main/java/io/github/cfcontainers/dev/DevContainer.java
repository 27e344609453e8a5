package io.github.cfcontainers.dev;

/**
 * One Durable Object class with its container, as the local runtime needs it.
 *
 * @param className the exported class that {@code extends Container}
 * @param binding the Durable Object namespace binding the Worker reads from {@code env}
 * @param image the local image, {@code cloudflare-dev/<name>:<tag>}
 */
public record DevContainer(String className, String binding, String image) {}
