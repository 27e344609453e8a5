package io.github.cfcontainers.emulator.containers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.github.cfcontainers.emulator.http.Json;
import io.github.cfcontainers.emulator.registry.ImageReference;
import io.github.cfcontainers.emulator.registry.RegistryPull;
import io.github.cfcontainers.emulator.state.EmulatorConfig;
import io.github.cfcontainers.emulator.state.EmulatorState;
import io.github.cfcontainers.emulator.state.Rollout;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one container per application on the local Docker engine (when enabled), as the stand-in for
 * Cloudflare's instances: pulled from the loopback registry with the admin credentials, `--network
 * host`, `PORT=<free port>`, labelled with this emulator's id so reset and close remove exactly its
 * own containers.
 */
public final class ContainerRunner implements AutoCloseable {
  static final String LABEL_EMULATOR = "io.github.cfcontainers.emulator";
  static final String LABEL_APPLICATION = "io.github.cfcontainers.emulator.application";

  /** One running (or starting) instance. */
  public record Instance(
      String id,
      String containerName,
      String containerId,
      int port,
      String image,
      int version,
      String state,
      Instant createdAt,
      String error) {
    Instance with(String containerId, String state, String error) {
      return new Instance(
          id, containerName, containerId, port, image, version, state, createdAt, error);
    }
  }

  private final EmulatorConfig config;
  private final String emulatorId;
  private final Map<String, Instance> instances = new ConcurrentHashMap<>();
  private final ScheduledExecutorService worker;
  private volatile DockerClient docker;

  public ContainerRunner(EmulatorConfig config, String emulatorId) {
    this.config = config;
    this.emulatorId = emulatorId;
    this.worker =
        config.runContainers()
            ? Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "cf-emulator-containers");
                  t.setDaemon(true);
                  return t;
                })
            : null;
  }

  public boolean enabled() {
    return config.runContainers();
  }

  void deploy(EmulatorState.Application app) {
    if (!enabled()) return;
    worker.execute(
        () -> replace(app.id(), app.configuration().path("image").asText(), app.version()));
  }

  /**
   * Replaces the instance with the target image when the rollout completes, unless a newer one
   * replaced it.
   */
  void rollout(EmulatorState.Application app, Rollout rollout) {
    if (!enabled()) return;
    long delay = Math.max(0, Duration.between(Instant.now(), rollout.completesAt()).toMillis());
    worker.schedule(
        () -> {
          if ("completed".equals(rollout.status())) {
            replace(
                app.id(),
                rollout.targetConfiguration.path("image").asText(),
                rollout.targetVersion);
          }
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  void stop(String applicationId) {
    Instance old = instances.remove(applicationId);
    if (old != null && enabled()) worker.execute(() -> remove(old.containerName()));
  }

  public int instanceCount(String applicationId) {
    Instance i = instances.get(applicationId);
    return i != null && i.state().equals("running") ? 1 : 0;
  }

  public Instance instance(String applicationId) {
    return instances.get(applicationId);
  }

  /**
   * instances-v2 items as the public schema has them (cloudflare-typescript
   * containers/applications/instances.ts InstanceListResponse): {id, application_id, image,
   * status{state, updated_at}, started_at?}; state in its enum (provisioning | running | failed |
   * ...). No version field: that schema has none (the dash listing has app_version).
   */
  ArrayNode instances(String applicationId) {
    ArrayNode out = Json.array();
    Instance i = instances.get(applicationId);
    if (i != null) {
      ObjectNode n = out.addObject();
      n.put("id", i.id()).put("application_id", applicationId).put("image", i.image());
      String state = "starting".equals(i.state()) ? "provisioning" : i.state();
      ObjectNode status = n.putObject("status");
      status.put("state", state).put("updated_at", i.createdAt().toString());
      if ("running".equals(state)) n.put("started_at", i.createdAt().toString());
    }
    return out;
  }

  public ArrayNode toJson() {
    ArrayNode out = Json.array();
    instances.forEach(
        (app, i) ->
            out.addObject()
                .put("application_id", app)
                .put("container", i.containerName())
                .put("port", i.port())
                .put("state", i.state())
                .put("image", i.image())
                .put("version", i.version())
                .put("error", i.error()));
    return out;
  }

  /** Removes every container this emulator started (reset). */
  public void removeAll() {
    instances.clear();
    if (!enabled()) return;
    try {
      worker.submit(this::removeLabelled).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("[cf-emulator] removing containers failed: " + e);
    }
  }

  @Override
  public void close() {
    removeAll();
    if (worker != null) worker.shutdownNow();
    if (docker != null) {
      try {
        docker.close();
      } catch (IOException ignored) {
        // closing the HTTP client only
      }
    }
  }

  private void replace(String applicationId, String image, int version) {
    Instance old = instances.get(applicationId);
    int port = freePort();
    String name = "cf-emu-" + emulatorId + "-" + applicationId.substring(0, 8) + "-v" + version;
    Instance starting =
        new Instance(
            UUID.randomUUID().toString(),
            name,
            null,
            port,
            image,
            version,
            "starting",
            Instant.now(),
            null);
    instances.put(applicationId, starting);
    try {
      DockerClient d = docker();
      ImageReference ref = ImageReference.parse(image);
      // Only the loopback registry is ever pulled from: a Docker Hub image runs only if the local
      // engine
      // already holds it (nothing leaves the machine), else the instance fails.
      if (ref.host().equals(config.registryHost())) {
        RegistryPull.pull(d, config, ref);
      }
      if (old != null) remove(old.containerName());
      remove(name);
      String id =
          d.createContainerCmd(image)
              .withName(name)
              .withLabels(Map.of(LABEL_EMULATOR, emulatorId, LABEL_APPLICATION, applicationId))
              .withEnv("PORT=" + port)
              .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host"))
              .exec()
              .getId();
      d.startContainerCmd(id).exec();
      instances.computeIfPresent(
          applicationId,
          (k, v) -> v.id().equals(starting.id()) ? starting.with(id, "running", null) : v);
    } catch (Exception e) {
      System.err.println("[cf-emulator] could not start " + image + ": " + e.getMessage());
      instances.computeIfPresent(
          applicationId,
          (k, v) ->
              v.id().equals(starting.id()) ? starting.with(null, "failed", e.getMessage()) : v);
    }
  }

  private void remove(String containerName) {
    try {
      docker().removeContainerCmd(containerName).withForce(true).exec();
    } catch (com.github.dockerjava.api.exception.NotFoundException ignored) {
      // already gone
    }
  }

  private void removeLabelled() {
    List<Container> mine =
        docker()
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(LABEL_EMULATOR, emulatorId))
            .exec();
    for (Container c : mine) {
      try {
        docker().removeContainerCmd(c.getId()).withForce(true).exec();
      } catch (com.github.dockerjava.api.exception.NotFoundException ignored) {
        // already gone
      }
    }
  }

  private DockerClient docker() {
    if (docker == null) {
      synchronized (this) {
        if (docker == null) {
          DefaultDockerClientConfig cfg =
              DefaultDockerClientConfig.createDefaultConfigBuilder().build();
          ApacheDockerHttpClient http =
              new ApacheDockerHttpClient.Builder()
                  .dockerHost(cfg.getDockerHost())
                  .sslConfig(cfg.getSSLConfig())
                  .connectionTimeout(Duration.ofSeconds(10))
                  .responseTimeout(Duration.ofMinutes(5))
                  .build();
          docker = DockerClientImpl.getInstance(cfg, http);
        }
      }
    }
    return docker;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
