package io.github.cfcontainers.emulator.registry;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import io.github.cfcontainers.emulator.state.EmulatorConfig;
import java.util.concurrent.TimeUnit;

/**
 * Pulls an image from the emulator's registry into the local engine with the emulator's admin
 * credentials, through the Docker API (never argv or a file); a pull error the stream reports fails
 * the pull.
 */
public final class RegistryPull {
  private RegistryPull() {}

  public static void pull(DockerClient docker, EmulatorConfig config, ImageReference ref)
      throws InterruptedException {
    AuthConfig auth =
        new AuthConfig()
            .withUsername(config.registryUser())
            .withPassword(config.registryPassword())
            .withRegistryAddress(ref.host());
    PullImageResultCallback pull =
        new PullImageResultCallback() {
          @Override
          public void onNext(PullResponseItem item) {
            if (item.isErrorIndicated())
              onError(
                  new IllegalStateException("pull failed: " + item.getErrorDetail().getMessage()));
            else super.onNext(item);
          }
        };
    docker
        .pullImageCmd(ref.host() + "/" + ref.repository())
        .withTag(ref.reference())
        .withAuthConfig(auth)
        .exec(pull)
        .awaitCompletion(5, TimeUnit.MINUTES);
  }
}
