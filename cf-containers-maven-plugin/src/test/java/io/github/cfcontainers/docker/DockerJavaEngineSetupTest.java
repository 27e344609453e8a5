package io.github.cfcontainers.docker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import io.github.cfcontainers.build.EngineUnavailableException;
import io.github.cfcontainers.build.ImageBuildFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-java's set-up and tag failures reach the user naming what to fix, not as bare library
 * text.
 */
class DockerJavaEngineSetupTest {

  @TempDir Path dir;

  @Test
  void aBrokenDockerConfigFileNamesTheFileAndTheFix() throws Exception {
    Files.writeString(dir.resolve("config.json"), "{ not json");
    var builder =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerConfig(dir.toString());
    assertThatThrownBy(() -> DockerJavaEngine.config(builder))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining(
            "Cannot set up the Docker client: Failed to parse docker configuration file")
        .hasMessageContaining(
            "~/.docker/config.json (or $DOCKER_CONFIG/config.json) is valid JSON");
  }

  @Test
  void anUnsupportedDockerHostNamesTheVariable() {
    var config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost("ftp://127.0.0.1:1")
            .build();
    assertThatThrownBy(() -> new DockerJavaEngine(config))
        .isInstanceOf(EngineUnavailableException.class)
        .hasMessageContaining("ftp://127.0.0.1:1")
        .hasMessageContaining("Fix: check DOCKER_HOST (e.g. unix:///var/run/docker.sock");
  }

  @Test
  void taggingAnImageTheEngineDoesNotHaveNamesTheSettings() throws Exception {
    try (var engine = new DockerJavaEngine()) {
      assertThatThrownBy(() -> engine.tag("sha256:" + "0".repeat(64), "cf-missing-image-test", "1"))
          .isInstanceOf(ImageBuildFailedException.class)
          .hasMessageContaining("Tagging sha256:000")
          .hasMessageContaining("change <name> or <tag> of the container");
    }
  }
}
