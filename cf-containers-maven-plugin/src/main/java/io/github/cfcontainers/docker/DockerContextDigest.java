package io.github.cfcontainers.docker;

import io.github.cfcontainers.build.BuildContextDigest;
import io.github.cfcontainers.build.ContentHash;
import io.github.cfcontainers.config.BuildSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
      // Also the directories above it (target/), which the first build may have created.
      if (path.startsWith(skipped) || skipped.startsWith(path)) {
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
}
