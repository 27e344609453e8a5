package io.github.cfcontainers.emulator.state;

import java.nio.file.Path;
import java.time.Duration;

/** Everything the builder collected; immutable for the life of one emulator. */
public record EmulatorConfig(
    int port,
    String accountId,
    String apiToken,
    String tokenWithoutContainers,
    String registryHost,
    String registryUser,
    String registryPassword,
    Path htpasswd,
    String workersDevSubdomain,
    boolean runContainers,
    Duration credentialTtl,
    Duration rolloutStepDelay,
    Path registryCa,
    Path workerRuntime) {}
