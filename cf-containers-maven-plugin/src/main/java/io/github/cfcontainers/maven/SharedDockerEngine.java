package io.github.cfcontainers.maven;

import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.config.BuildSpec;
import io.github.cfcontainers.docker.DockerJavaEngine;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.execution.MavenSession;

/**
 * One Docker client for the whole Maven build: cf:build and cf:deploy (and each module of a
 * reactor) share it instead of paying the client set-up each. Keyed on the build's request, which a
 * session clone (parallel builds, forked lifecycles) shares. It is closed when another build starts
 * in the same JVM (mvnd, embedded Maven), else left to JVM exit: the client holds pooled sockets,
 * no threads, so nothing keeps the JVM up.
 */
final class SharedDockerEngine {

  private static Object owner;
  private static DockerJavaEngine engine;

  private SharedDockerEngine() {}

  /** The build's engine, behind a lease whose close() leaves it open for the next goal. */
  static Lease lease(MavenSession session) {
    return new Lease(of(session.getRequest()));
  }

  static synchronized DockerJavaEngine of(Object build) {
    if (engine == null || owner != build) {
      if (engine != null) {
        try {
          engine.close();
        } catch (IOException ignored) {
          // the last build's client: nothing of this build depends on it
        }
      }
      owner = build;
      // Connects on first use only, so a build with nothing to do never connects.
      engine = new DockerJavaEngine();
    }
    return engine;
  }

  /**
   * The shared engine for one goal. close() declares IOException as the engine's does, so a
   * try-with-resources written for a private engine keeps compiling unchanged.
   */
  static final class Lease implements ContainerEngine, AutoCloseable {
    private final DockerJavaEngine engine;

    Lease(DockerJavaEngine engine) {
      this.engine = engine;
    }

    @Override
    public String ping() {
      return engine.ping();
    }

    @Override
    public String build(BuildSpec spec, Map<String, String> extraLabels, Consumer<String> output) {
      return engine.build(spec, extraLabels, output);
    }

    @Override
    public void tag(String imageId, String repository, String tag) {
      engine.tag(imageId, repository, tag);
    }

    @Override
    public Optional<LocalImage> inspect(String reference) {
      return engine.inspect(reference);
    }

    @Override
    public Optional<String> imageId(String reference) {
      return engine.imageId(reference);
    }

    @Override
    public String push(
        String repository, String tag, RegistryAuth auth, Consumer<String> progress) {
      return engine.push(repository, tag, auth, progress);
    }

    @Override
    public void close() throws IOException {
      // Left open for the build's next goal; see the class comment.
    }
  }
}
