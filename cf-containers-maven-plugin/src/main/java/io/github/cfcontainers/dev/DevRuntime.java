package io.github.cfcontainers.dev;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** The local Workers runtime behind a small port, so the service is tested without Node. */
public interface DevRuntime {

  /**
   * Checks that Node and the runtime (Miniflare, from the Worker project's wrangler) are there.
   *
   * @throws io.github.cfcontainers.common.CfException naming what to install
   */
  Probe probe(Path workerProject, Path runDirectory);

  /** Starts serving the plan; output lines of the runtime and the Worker go to {@code output}. */
  Running start(
      DevPlan plan, Path runDirectory, Consumer<String> output, Consumer<String> warnings);

  /**
   * @param version the Miniflare version
   * @param egressImage the sidecar image the runtime will start next to each container
   */
  record Probe(String version, String egressImage) {}

  /** A started runtime. */
  interface Running {

    /** Waits for the runtime to serve; throws CfException when it stops or times out first. */
    void awaitReady(Duration timeout) throws InterruptedException;

    /** Waits for the runtime process to end; its exit code. */
    int awaitExit() throws InterruptedException;

    /** Stops the runtime and every process it started; idempotent. */
    void stop(Duration grace);
  }
}
