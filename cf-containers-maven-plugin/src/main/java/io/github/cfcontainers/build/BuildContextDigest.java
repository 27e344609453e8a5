package io.github.cfcontainers.build;

import io.github.cfcontainers.config.BuildSpec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The build context as the engine adapter would send it (its ignore rules applied, the Dockerfile
 * included), reduced to one digest: the image half of the build's content key.
 */
@FunctionalInterface
public interface BuildContextDigest {

  /**
   * @param leftOut the plugin's own output directory: build.json and the transcripts change on
   *     every run, so a context holding them (the default, the project directory) would never
   *     match; an image made from them would be odd
   * @return lowercase hex SHA-256 over every path sent, its type, mode, link target and content
   * @throws IOException when a file cannot be read (the build then runs and reports it)
   */
  String digest(BuildSpec spec, Path leftOut) throws IOException;
}
