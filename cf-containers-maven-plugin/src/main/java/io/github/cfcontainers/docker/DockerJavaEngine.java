// Over 300 lines: one method per ContainerEngine operation over docker-java, sharing the lazily
// made client.
package io.github.cfcontainers.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.build.EngineUnavailableException;
import io.github.cfcontainers.build.ImageBuildFailedException;
import io.github.cfcontainers.build.ImagePushFailedException;
import io.github.cfcontainers.config.BuildSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link ContainerEngine} on the local Docker daemon ({@code DOCKER_HOST} or the default socket).
 */
public final class DockerJavaEngine implements ContainerEngine, AutoCloseable {

  private final Supplier<DockerClientConfig> configSource;
  private DockerClientConfig config;
  private DockerClient client;

  /** Whether the settings are docker-java's defaults (the environment's), not given. */
  private final boolean defaultSettings;

  /**
   * Reads nothing and connects nothing yet: a goal that finds its build unchanged may never need
   * the engine, and docker-java's set-up alone costs a few hundred milliseconds.
   */
  public DockerJavaEngine() {
    // The API version stays unset: the daemon picks, so old and new engines both work.
    this.configSource = () -> config(DefaultDockerClientConfig.createDefaultConfigBuilder());
    this.defaultSettings = true;
  }

  public DockerJavaEngine(DockerClientConfig config) {
    // A host the client cannot speak to fails here, where the caller passed it, not at first use.
    String scheme = config.getDockerHost().getScheme();
    if (!Set.of("unix", "tcp", "npipe").contains(scheme)) {
      throw setupFailed(
          new IllegalArgumentException("Unsupported protocol scheme: " + config.getDockerHost()));
    }
    this.configSource = () -> config;
    this.defaultSettings = false;
  }

  /** The settings, read once; thread-safe since one engine serves the whole build. */
  private synchronized DockerClientConfig settings() {
    if (config == null) {
      config = configSource.get();
    }
    return config;
  }

  /** The client, set up on first use. */
  private synchronized DockerClient connected() {
    if (client == null) {
      // Before the first request creates httpclient5's header and wire loggers.
      TransportLogGuard.quiet();
      DockerClientConfig settings = settings();
      try {
        var http =
            new ApacheDockerHttpClient.Builder()
                .dockerHost(settings.getDockerHost())
                .sslConfig(settings.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(10))
                .maxConnections(16)
                .build();
        client = DockerClientImpl.getInstance(settings, http);
      } catch (RuntimeException e) {
        throw setupFailed(e);
      }
    }
    return client;
  }

  private String dockerHost() {
    return String.valueOf(settings().getDockerHost());
  }

  /**
   * Asks a local socket engine directly while the client is not set up yet: an unchanged build
   * needs only this answer, and docker-java's set-up costs far more than the request. Anything
   * unexpected falls back to the client, which then reports it as usual.
   */
  @Override
  public Optional<String> imageId(String reference) {
    boolean unconnected;
    boolean settingsRead;
    synchronized (this) {
      unconnected = client == null;
      settingsRead = config != null;
    }
    if (unconnected) {
      Optional<Path> socket;
      if (defaultSettings && !settingsRead) {
        socket =
            ObviousSocket.find(ObviousSocket::fromSystem, Path.of(System.getProperty("user.home")));
      } else {
        socket = ObviousSocket.unixSocket(settings().getDockerHost());
      }
      if (socket.isPresent()) {
        try {
          return UnixSocketImageProbe.imageId(socket.get(), reference);
        } catch (IOException | RuntimeException e) {
          // the client below answers, or says what is wrong
        }
      }
    }
    return inspect(reference).map(LocalImage::id);
  }

  /**
   * The client settings from DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH and
   * ~/.docker/config.json.
   */
  static DockerClientConfig config(DefaultDockerClientConfig.Builder builder) {
    try {
      return builder.build();
    } catch (RuntimeException e) {
      throw setupFailed(e);
    }
  }

  /**
   * docker-java's own text names neither the variable nor the file ("Failed to parse docker
   * configuration file").
   */
  private static EngineUnavailableException setupFailed(RuntimeException e) {
    var message = new StringBuilder();
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null && message.indexOf(t.getMessage()) < 0) {
        message.append(message.length() == 0 ? "" : ": ").append(t.getMessage());
      }
    }
    return new EngineUnavailableException(
        "Cannot set up the Docker client: "
            + message
            + ". Fix: check DOCKER_HOST"
            + " (e.g. unix:///var/run/docker.sock or tcp://127.0.0.1:2375; now "
            + Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse("unset")
            + "), DOCKER_TLS_VERIFY /"
            + " DOCKER_CERT_PATH, and that ~/.docker/config.json (or $DOCKER_CONFIG/config.json) is valid JSON.",
        e);
  }

  public DockerClient client() {
    return connected();
  }

  @Override
  public String ping() {
    // Outside the try: a client that cannot be set up says so, not "no engine answered".
    DockerClient docker = connected();
    try {
      var version = docker.versionCmd().exec();
      return "Docker "
          + version.getVersion()
          + " (API "
          + version.getApiVersion()
          + ") at "
          + dockerHost();
    } catch (RuntimeException e) {
      throw new EngineUnavailableException(
          "No Docker engine answered at "
              + dockerHost()
              + " ("
              + rootMessage(e)
              + "). Start one (Docker Desktop, 'sudo systemctl start docker' or 'sudo dockerd'),"
              + " or set DOCKER_HOST to an engine that runs (e.g. unix:///run/user/1000/docker.sock"
              + " or tcp://127.0.0.1:2375).",
          e);
    }
  }

  @Override
  public String build(BuildSpec spec, Map<String, String> extraLabels, Consumer<String> output) {
    Path tar = null;
    try {
      var archive = new BuildContextArchive(spec.context(), spec.dockerfile());
      tar = Files.createTempFile("cf-containers-context", ".tar");
      try (var out = Files.newOutputStream(tar)) {
        archive.writeTo(out);
      }
      try (InputStream in = Files.newInputStream(tar)) {
        var callback = new BuildOutputCallback(output);
        command(spec, extraLabels, archive, in).exec(callback);
        // The stream names the short id; the engine resolves it to the full one.
        return connected().inspectImageCmd(callback.imageId()).exec().getId();
      }
    } catch (SpecialFileInContextException e) {
      throw new ImageBuildFailedException(e.getMessage(), e);
    } catch (IOException e) {
      // Names the file (the JDK's messages do) and the two ways out, instead of a bare IOException.
      throw new ImageBuildFailedException(
          "Cannot pack the build context "
              + spec.context()
              + " (<build><context>): "
              + e.getMessage()
              + ". Fix: make the file readable, or list it in "
              + spec.context().resolve(".dockerignore")
              + ".",
          e);
    } finally {
      if (tar != null) {
        try {
          Files.deleteIfExists(tar);
        } catch (IOException ignored) {
          // a stray temp file is not worth failing the build for
        }
      }
    }
  }

  private BuildImageCmd command(
      BuildSpec spec,
      Map<String, String> extraLabels,
      BuildContextArchive archive,
      InputStream tar) {
    var labels = new LinkedHashMap<>(spec.labels());
    labels.putAll(extraLabels);
    BuildImageCmd cmd =
        connected()
            .buildImageCmd()
            .withTarInputStream(tar)
            .withDockerfilePath(archive.dockerfilePathInArchive())
            .withLabels(labels)
            .withNoCache(spec.noCache())
            .withPull(spec.pull())
            .withRemove(true)
            .withForcerm(true)
            .withPlatform(spec.platform());
    spec.target().ifPresent(cmd::withTarget);
    spec.args().forEach(cmd::withBuildArg);
    return cmd;
  }

  @Override
  public void tag(String imageId, String repository, String tag) {
    try {
      connected().tagImageCmd(imageId, repository, tag).withForce(true).exec();
    } catch (DockerException e) {
      throw new ImageBuildFailedException(
          "Tagging "
              + imageId
              + " as "
              + repository
              + ":"
              + tag
              + " failed: "
              + rootMessage(e)
              + ". Fix: if the engine rejects the reference, change <name> or <tag> of the container"
              + " (lower-case letters, digits, '.', '_', '-'); else build again (the image may have been removed).",
          e);
    }
  }

  @Override
  public Optional<LocalImage> inspect(String reference) {
    try {
      var image = connected().inspectImageCmd(reference).exec();
      long size = image.getSize() == null ? 0 : image.getSize();
      var digests = image.getRepoDigests() == null ? List.<String>of() : image.getRepoDigests();
      return Optional.of(
          new LocalImage(image.getId(), size, image.getOs(), image.getArch(), digests));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public String push(String repository, String tag, RegistryAuth auth, Consumer<String> progress) {
    var authConfig =
        new AuthConfig()
            .withRegistryAddress(auth.registry())
            .withUsername(auth.username())
            .withPassword(auth.password());
    var callback = new PushProgress(progress);
    TransportLogGuard.requireQuiet();
    try {
      connected()
          .pushImageCmd(repository)
          .withTag(tag)
          .withAuthConfig(authConfig)
          .exec(callback)
          .awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImagePushFailedException("Interrupted while pushing " + repository + ":" + tag, e);
    } catch (RuntimeException e) {
      throw new ImagePushFailedException(
          "Pushing " + repository + ":" + tag + " failed: " + rootMessage(e), e);
    }
    return callback.digest(repository + ":" + tag);
  }

  @Override
  public synchronized void close() throws IOException {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
