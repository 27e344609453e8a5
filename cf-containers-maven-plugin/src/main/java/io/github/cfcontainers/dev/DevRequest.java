package io.github.cfcontainers.dev;

import io.github.cfcontainers.deploy.WorkerSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the user asked {@code cf:dev} for, before anything is built.
 *
 * @param classes the container classes and their bindings, in POM order
 * @param offline Maven's -o: pull nothing
 */
public record DevRequest(
    Path workerProject,
    WorkerSpec worker,
    List<ClassBinding> classes,
    int port,
    Path runDirectory,
    boolean offline,
    Duration readyTimeout) {

  public DevRequest {
    classes = List.copyOf(classes);
  }

  /** A container class and the binding the Worker reaches it by. */
  public record ClassBinding(String className, String binding) {}
}
