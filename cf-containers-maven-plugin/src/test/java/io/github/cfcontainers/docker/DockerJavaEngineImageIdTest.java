package io.github.cfcontainers.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The socket probe an unchanged build uses answers as docker-java's inspect does. */
class DockerJavaEngineImageIdTest {

  private static String busybox() {
    String image = System.getenv("CF_TEST_BUSYBOX_IMAGE");
    assertThat(image).as("CF_TEST_BUSYBOX_IMAGE: source the test ground's env first").isNotNull();
    return image;
  }

  @Test
  void theProbeAndTheClientAgreeOnAnImageAndOnAMissingOne() throws Exception {
    try (var engine = new DockerJavaEngine()) {
      // Before anything else: the probe answers while the client is not set up.
      var probed = engine.imageId(busybox());
      var missing = engine.imageId("cf-containers-no-such-image:1");
      var inspected = engine.inspect(busybox());

      assertThat(inspected).isPresent();
      assertThat(probed).contains(inspected.get().id());
      assertThat(missing).isEmpty();
      // The probe itself, not a fallback to the client, gave those answers.
      var socket =
          Path.of(
              System.getenv()
                  .getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock")
                  .replaceFirst("^unix://", ""));
      assertThat(UnixSocketImageProbe.imageId(socket, busybox())).isEqualTo(probed);
      assertThat(UnixSocketImageProbe.imageId(socket, "cf-containers-no-such-image:1")).isEmpty();
      // Once connected, the client answers the same.
      assertThat(engine.imageId(busybox())).isEqualTo(probed);
    }
  }

  @Test
  void theProbeRefusesWhatItCannotSendAndSaysSo() {
    var socket = Path.of("/var/run/docker.sock");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> UnixSocketImageProbe.imageId(socket, "name with spaces"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("needs URL encoding");
  }
}
