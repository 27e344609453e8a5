package io.github.cfcontainers.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The socket is named only when docker-java would certainly pick that one. */
class ObviousSocketTest {

  @TempDir Path home;

  private java.util.Optional<Path> find(Map<String, String> settings) {
    return ObviousSocket.find(settings::get, home);
  }

  @Test
  void dockerHostDecidesWhenSet() {
    assertThat(find(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock")))
        .contains(Path.of("/run/user/1000/docker.sock"));
    assertThat(find(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"))).isEmpty();
    assertThat(find(Map.of("DOCKER_HOST", "npipe:////./pipe/docker_engine"))).isEmpty();
  }

  @Test
  void anEmptyDockerHostIsLeftToDockerJava() {
    assertThat(find(Map.of("DOCKER_HOST", ""))).isEmpty();
    assertThat(find(Map.of("DOCKER_HOST", "  "))).isEmpty();
  }

  @Test
  void anEmptyDockerConfigMeansTheHomeDirectorysConfig() throws Exception {
    Path config = Files.createDirectories(home.resolve(".docker")).resolve("config.json");
    Files.writeString(config, "{\"currentContext\":\"colima\"}");

    assertThat(find(Map.of("DOCKER_CONFIG", ""))).isEmpty();
  }

  @Test
  void withoutAnySettingItIsTheDefaultSocket() {
    assertThat(find(Map.of())).contains(ObviousSocket.DEFAULT);
  }

  @Test
  void aContextOrADockerJavaPropertiesFileIsLeftToDockerJava() throws Exception {
    assertThat(find(Map.of("DOCKER_CONTEXT", "remote"))).isEmpty();

    Files.writeString(home.resolve(".docker-java.properties"), "DOCKER_HOST=tcp://example:2375\n");
    assertThat(find(Map.of())).isEmpty();
    // an explicit DOCKER_HOST still beats the file, as in docker-java
    assertThat(find(Map.of("DOCKER_HOST", "unix:///x.sock"))).contains(Path.of("/x.sock"));
  }

  @Test
  void theDockerConfigsCurrentContextCounts() throws Exception {
    Path config = Files.createDirectories(home.resolve(".docker")).resolve("config.json");
    Files.writeString(config, "{\"auths\":{},\"currentContext\":\"default\"}");
    assertThat(find(Map.of())).contains(ObviousSocket.DEFAULT);

    Files.writeString(config, "{\"auths\":{},\"currentContext\":\"colima\"}");
    assertThat(find(Map.of())).isEmpty();

    Files.writeString(config, "{\"auths\":");
    assertThat(find(Map.of())).as("a broken file is docker-java's to report").isEmpty();
  }

  @Test
  void dockerConfigMovesTheConfigFile() throws Exception {
    Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("config.json"), "{\"currentContext\":\"remote\"}");

    assertThat(find(Map.of())).contains(ObviousSocket.DEFAULT);
    assertThat(find(Map.of("DOCKER_CONFIG", elsewhere.toString()))).isEmpty();
  }
}
