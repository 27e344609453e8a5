package io.github.cfcontainers.emulator.workers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.github.cfcontainers.emulator.http.ApiException;
import io.github.cfcontainers.emulator.registry.ImageReference;
import io.github.cfcontainers.emulator.registry.RegistryPull;
import io.github.cfcontainers.emulator.state.EmulatorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Brings an application's image into the local engine for the Workers runtime: pulled from the test
 * ground's registry with the emulator's admin credentials (through the Docker API, never argv or
 * disk), then tagged `cf-emulator/<application>:<hash of the reference>`, the local name handed to
 * Miniflare (as wrangler hands it `cloudflare-dev/<name>:<tag>`). Images of other registries are
 * used only if the engine already holds them: nothing is pulled from outside the machine. close()
 * removes the tags it made.
 */
final class LocalImages implements AutoCloseable {
  private final EmulatorConfig config;
  private final Set<String> tags = new LinkedHashSet<>();
  private final DefaultDockerClientConfig dockerConfig =
      DefaultDockerClientConfig.createDefaultConfigBuilder().build();
  private DockerClient docker;

  LocalImages(EmulatorConfig config) {
    this.config = config;
  }

  /** The engine's address as Miniflare's containerEngine.localDocker.socketPath takes it. */
  String dockerSocket() {
    return dockerConfig.getDockerHost().toString();
  }

  synchronized DockerClient docker() {
    if (docker == null) {
      ApacheDockerHttpClient http =
          new ApacheDockerHttpClient.Builder()
              .dockerHost(dockerConfig.getDockerHost())
              .sslConfig(dockerConfig.getSSLConfig())
              .connectionTimeout(Duration.ofSeconds(10))
              .responseTimeout(Duration.ofMinutes(5))
              .build();
      docker = DockerClientImpl.getInstance(dockerConfig, http);
    }
    return docker;
  }

  /**
   * Answers the local name of {@code image} for this application, pulling it first when it is the
   * registry's.
   */
  String local(String application, String image) {
    ImageReference ref = ImageReference.parse(image);
    String repository = "cf-emulator/" + application.toLowerCase().replaceAll("[^a-z0-9._-]", "-");
    String tag = ScriptUpload.sha256(image.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    try {
      if (ref != null && ref.host().equals(config.registryHost())) pull(ref);
      docker().tagImageCmd(image, repository, tag).exec();
    } catch (NotFoundException e) {
      throw new ApiException(
          502,
          10013,
          "image "
              + image
              + " of application "
              + application
              + " is not in the local engine (only the emulator's registry "
              + config.registryHost()
              + " is pulled from)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(502, 10013, "interrupted pulling " + image);
    }
    synchronized (tags) {
      tags.add(repository + ":" + tag);
    }
    return repository + ":" + tag;
  }

  private void pull(ImageReference ref) throws InterruptedException {
    try {
      RegistryPull.pull(docker(), config, ref);
    } catch (RuntimeException e) {
      throw new ApiException(
          502, 10013, "pulling " + ref.full() + " from the registry failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    synchronized (tags) {
      for (String t : tags) {
        try {
          docker()
              .removeImageCmd(t)
              .withNoPrune(true)
              .exec(); // the tag only: layers stay for the next run
        } catch (RuntimeException ignored) {
          // in use or gone
        }
      }
      tags.clear();
    }
    if (docker != null) {
      try {
        docker.close();
      } catch (IOException ignored) {
        // closing the HTTP client only
      }
    }
  }
}
