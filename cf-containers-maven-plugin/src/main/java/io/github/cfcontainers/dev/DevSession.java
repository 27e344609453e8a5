package io.github.cfcontainers.dev;

import io.github.cfcontainers.common.Reporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One running local Worker: streams the logs of the containers the runtime starts, and on {@link
 * #close()} (the end of the runtime, or a JVM shutdown hook on Ctrl-C) stops the runtime's process
 * tree and removes those containers. Idempotent.
 */
final class DevSession implements AutoCloseable {

  private final DevPlan plan;
  private final DevEngine engine;
  private final DevRuntime.Running running;
  private final Reporter reporter;
  private final Map<String, AutoCloseable> followed = new HashMap<>();
  private final Thread watcher;
  private volatile boolean closed;

  DevSession(
      DevPlan plan,
      DevEngine engine,
      DevRuntime.Running running,
      Reporter reporter,
      Duration pollEvery) {
    this.plan = plan;
    this.engine = engine;
    this.running = running;
    this.reporter = reporter;
    this.watcher = new Thread(() -> watch(pollEvery), "cf-dev-container-logs");
    watcher.setDaemon(true);
  }

  void startWatching() {
    watcher.start();
  }

  private void watch(Duration pollEvery) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        followNew();
        Thread.sleep(pollEvery.toMillis());
      }
    } catch (InterruptedException e) {
      // closing
    } catch (RuntimeException e) {
      reporter.debug("Following container logs stopped: " + e.getMessage());
    }
  }

  /**
   * Follows each app container of this Worker the first time it shows up (sidecars say nothing
   * useful).
   */
  synchronized void followNew() {
    if (closed) {
      return;
    }
    for (var c : engine.containers()) {
      if (plan.owns(c.name()) && !c.name().endsWith("-proxy") && !followed.containsKey(c.id())) {
        String prefix = "[" + label(c.name()) + "] ";
        reporter.info("Container " + c.name() + " (" + c.image() + ") " + c.state());
        followed.put(c.id(), engine.followLogs(c.id(), line -> reporter.info(prefix + line)));
      }
    }
  }

  /** workerd-<worker>-<Class>-<64 hex id>: the class and the first id characters. */
  private String label(String name) {
    for (String prefix : plan.containerPrefixes()) {
      if (name.startsWith(prefix)) {
        String rest = name.substring(prefix.length());
        String cls = prefix.substring(0, prefix.length() - 1);
        cls = cls.substring(cls.lastIndexOf('-') + 1);
        return cls + " " + rest.substring(0, Math.min(8, rest.length()));
      }
    }
    return name;
  }

  /**
   * True once a stop was asked for (Ctrl-C or the runtime's end): a non-zero exit is then expected.
   */
  boolean isClosed() {
    return closed;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    watcher.interrupt();
    running.stop(Duration.ofSeconds(10));
    followed.values().forEach(DevSession::quietly);
    List<String> removed = removeContainers(engine, plan, reporter);
    reporter.info(
        "Stopped the local Worker"
            + (removed.isEmpty() ? "" : "; removed its containers " + removed));
  }

  /** Removes every container of this Worker the runtime left, running or not. */
  static List<String> removeContainers(DevEngine engine, DevPlan plan, Reporter reporter) {
    var removed = new ArrayList<String>();
    for (var c : engine.containers()) {
      if (plan.owns(c.name())) {
        try {
          engine.remove(c.id());
          removed.add(c.name());
        } catch (RuntimeException e) {
          reporter.warn(
              "Could not remove the container "
                  + c.name()
                  + ": "
                  + e.getMessage()
                  + " (remove it with `docker rm -f "
                  + c.id()
                  + "`)");
        }
      }
    }
    return removed;
  }

  private static void quietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // the container is gone
    }
  }
}
