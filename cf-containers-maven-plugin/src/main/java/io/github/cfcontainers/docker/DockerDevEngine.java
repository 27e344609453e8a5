package io.github.cfcontainers.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import io.github.cfcontainers.common.CfException;
import io.github.cfcontainers.dev.DevEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@link DevEngine} on the local Docker daemon, through the same client as the image builds. */
public final class DockerDevEngine implements DevEngine, AutoCloseable {

  private final DockerJavaEngine engine = new DockerJavaEngine();

  @Override
  public String ping() {
    return engine.ping();
  }

  @Override
  public String dockerHost() {
    // What docker-java resolved (DOCKER_HOST or the default socket): the runtime must reach the
    // same engine.
    return DockerJavaEngine.config(DefaultDockerClientConfig.createDefaultConfigBuilder())
        .getDockerHost()
        .toString();
  }

  @Override
  public boolean hasNetwork(String name) {
    try {
      engine.client().inspectNetworkCmd().withNetworkId(name).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Override
  public boolean hasImage(String reference) {
    return engine.inspect(reference).isPresent();
  }

  @Override
  public void pull(String reference, Consumer<String> progress) {
    try {
      engine
          .client()
          .pullImageCmd(reference)
          .exec(
              new PullImageResultCallback() {
                @Override
                public void onNext(PullResponseItem item) {
                  if (item.getStatus() != null) {
                    progress.accept(item.getStatus());
                  }
                  super.onNext(item);
                }
              })
          .awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CfException("Interrupted while pulling " + reference, e);
    } catch (RuntimeException e) {
      throw new CfException(
          "Cannot pull "
              + reference
              + ": "
              + e.getMessage()
              + "\n  Fix: `docker pull "
              + reference
              + "` yourself, or name a local image in MINIFLARE_CONTAINER_EGRESS_IMAGE.",
          e);
    }
  }

  @Override
  public List<EngineContainer> containers() {
    var result = new ArrayList<EngineContainer>();
    for (var c : engine.client().listContainersCmd().withShowAll(true).exec()) {
      String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0];
      result.add(
          new EngineContainer(
              c.getId(),
              name.startsWith("/") ? name.substring(1) : name,
              c.getImage(),
              c.getState()));
    }
    return result;
  }

  @Override
  public void remove(String id) {
    try {
      engine.client().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException e) {
      // already gone
    }
  }

  @Override
  public AutoCloseable followLogs(String id, Consumer<String> line) {
    return engine
        .client()
        .logContainerCmd(id)
        .withStdOut(true)
        .withStdErr(true)
        .withFollowStream(true)
        .exec(
            new ResultCallback.Adapter<Frame>() {
              @Override
              public void onNext(Frame frame) {
                String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                text.lines().forEach(line);
              }
            });
  }

  @Override
  public void close() throws Exception {
    engine.close();
  }
}
