package io.github.cfcontainers.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.build.ImageBuildFailedException;
import io.github.cfcontainers.config.BuildSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real build on the test ground's engine: symlinks in the context arrive as links, and reading
 * through them works.
 */
class DockerJavaEngineSymlinkTest {

  @TempDir Path context;

  @Test
  void aRunStepReadsThroughSymlinksThatArrivedAsLinks() throws Exception {
    String base = System.getenv("CF_TEST_BUSYBOX_IMAGE");
    assertThat(base).as("CF_TEST_BUSYBOX_IMAGE: source the test ground's env first").isNotBlank();
    Files.createDirectories(context.resolve("worker/node_modules/esbuild/bin"));
    Files.createDirectories(context.resolve("worker/node_modules/.bin"));
    Files.writeString(
        context.resolve("worker/node_modules/esbuild/bin/esbuild"), "esbuild-binary\n");
    Files.createSymbolicLink(
        context.resolve("worker/node_modules/.bin/esbuild"), Path.of("../esbuild/bin/esbuild"));
    Files.createDirectories(context.resolve("data"));
    Files.writeString(context.resolve("data/real.txt"), "through-the-link\n");
    Files.createSymbolicLink(context.resolve("datalink"), Path.of("data"));
    String marker = UUID.randomUUID().toString();
    Files.writeString(
        context.resolve("Dockerfile"),
        String.join(
            "\n",
            "ARG BASE_IMAGE",
            "FROM ${BASE_IMAGE}",
            "COPY . /ctx",
            // -L: the link itself arrived (a copied file would not be a link); cat reads through
            // it.
            "RUN test -L /ctx/worker/node_modules/.bin/esbuild"
                + " && test \"$(readlink /ctx/worker/node_modules/.bin/esbuild)\" = ../esbuild/bin/esbuild"
                + " && test -L /ctx/datalink && test \"$(readlink /ctx/datalink)\" = data"
                + " && cat /ctx/worker/node_modules/.bin/esbuild /ctx/datalink/real.txt > /read.txt"
                + " && grep -q through-the-link /read.txt && echo "
                + marker,
            ""));
    var spec =
        new BuildSpec(
            context,
            context.resolve("Dockerfile"),
            Optional.empty(),
            Map.of("BASE_IMAGE", base),
            "linux/amd64",
            Map.of(),
            true,
            false);
    var output = new ArrayList<String>();
    try (var engine = new DockerJavaEngine()) {
      String imageId;
      try {
        imageId = engine.build(spec, Map.of("io.github.cfcontainers.test", "symlink"), output::add);
      } catch (ImageBuildFailedException e) {
        throw new AssertionError(e.getMessage() + "\n" + String.join("\n", output), e);
      }
      try {
        assertThat(output).as("the RUN step ran and passed").contains(marker);
      } finally {
        engine.client().removeImageCmd(imageId).withForce(true).exec();
      }
    }
  }
}
