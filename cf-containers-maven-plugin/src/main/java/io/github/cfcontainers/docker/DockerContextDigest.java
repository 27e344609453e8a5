package io.github.cfcontainers.docker;

import io.github.cfcontainers.build.BuildContextDigest;
import io.github.cfcontainers.build.ContentHash;
import io.github.cfcontainers.config.BuildSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Digests exactly the entries {@link BuildContextArchive} would send. Modification times are left
 * out, as the engine's build cache leaves them out: a touched but unchanged file keeps the key.
 */
public final class DockerContextDigest implements BuildContextDigest {

  @Override
  public String digest(BuildSpec spec, Path leftOut) throws IOException {
    Path skipped = leftOut.toAbsolutePath().normalize();
    var archive = new BuildContextArchive(spec.context(), spec.dockerfile());
    Path context = spec.context().toAbsolutePath().normalize();
    var hash = new ContentHash("docker-context-v1");
    hash.field("dockerfile", archive.dockerfilePathInArchive());
    for (String relative : archive.includedPaths()) {
      Path path = context.resolve(relative);
      if (isPluginOutput(path, skipped)) {
        continue;
      }
      hash.field("path", relative).field("mode", BuildContextArchive.mode(path));
      if (Files.isSymbolicLink(path)) {
        hash.field("link", BuildContextArchive.slashed(Files.readSymbolicLink(path)));
      } else if (!Files.isDirectory(path)) {
        hash.file(path);
      }
    }
    Path dockerfile = spec.dockerfile().toAbsolutePath().normalize();
    if (!dockerfile.startsWith(context)) {
      hash.field("outside", BuildContextArchive.OUTSIDE_DOCKERFILE).file(dockerfile.toRealPath());
    }
    return hash.hex();
  }

  /** What the plugin writes itself under its output directory, rewritten by every run. */
  private static final Set<String> OWN_ENTRIES =
      Set.of(
          "build.json",
          "deployment.json",
          "status.json",
          "destroy.json",
          "rollback.json",
          "worker",
          "dev");

  /**
   * The plugin's own files and the directories above them (which the first build may have made):
   * left out, or the key would change on every run. Only those: with {@code
   * -Dcf.outputDirectory=target}, the jar the Dockerfile copies from {@code target/} still counts.
   */
  private static boolean isPluginOutput(Path path, Path outputDirectory) {
    if (outputDirectory.startsWith(path)) {
      return true;
    }
    if (!path.startsWith(outputDirectory)) {
      return false;
    }
    String first = outputDirectory.relativize(path).getName(0).toString();
    return OWN_ENTRIES.contains(first) || first.endsWith("-build.log");
  }
}
