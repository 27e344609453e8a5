/**
 * Operating what was deployed: {@code cf:status} (drift against the recorded plan), {@code
 * cf:rollback} (the previous configuration from the rollouts history) and {@code cf:destroy}
 * (applications, Worker, optionally the images through the {@link DestroyImageRegistry} port).
 */
package io.github.cfcontainers.operate;
