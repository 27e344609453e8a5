package io.github.cfcontainers.dev;

import java.util.List;
import java.util.function.Consumer;

/** The container engine as {@code cf:dev} needs it; the Docker adapter implements it. */
public interface DevEngine {

  /** A short description of the engine; throws EngineUnavailableException when none answers. */
  String ping();

  /**
   * The engine's address in the form the local runtime takes, e.g. {@code
   * unix:///var/run/docker.sock}.
   */
  String dockerHost();

  boolean hasNetwork(String name);

  boolean hasImage(String reference);

  void pull(String reference, Consumer<String> progress);

  /** Every container, running or not. */
  List<EngineContainer> containers();

  /** Removes a container, running or not; one already gone is fine. */
  void remove(String id);

  /** Streams a container's output line by line until it stops or the handle is closed. */
  AutoCloseable followLogs(String id, Consumer<String> line);

  /** A container: its name without the leading slash. */
  record EngineContainer(String id, String name, String image, String state) {}
}
