package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.config.BuildSpec;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** An engine connected at its first use: a deploy that pushes nothing never connects one. */
public final class LazyEngine implements ContainerEngine, AutoCloseable {

  private final Supplier<? extends ContainerEngine> connect;
  private ContainerEngine engine;

  public LazyEngine(Supplier<? extends ContainerEngine> connect) {
    this.connect = connect;
  }

  public synchronized boolean connected() {
    return engine != null;
  }

  private synchronized ContainerEngine engine() {
    if (engine == null) {
      engine = connect.get();
    }
    return engine;
  }

  @Override
  public String ping() {
    return engine().ping();
  }

  @Override
  public String build(BuildSpec spec, Map<String, String> extraLabels, Consumer<String> output) {
    return engine().build(spec, extraLabels, output);
  }

  @Override
  public void tag(String imageId, String repository, String tag) {
    engine().tag(imageId, repository, tag);
  }

  @Override
  public Optional<LocalImage> inspect(String reference) {
    return engine().inspect(reference);
  }

  @Override
  public String push(String repository, String tag, RegistryAuth auth, Consumer<String> progress) {
    return engine().push(repository, tag, auth, progress);
  }

  /** Closes the engine if one was connected. */
  @Override
  public synchronized void close() throws IOException {
    if (engine instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e.getMessage(), e);
      }
    }
  }
}
