package io.github.cfcontainers.build;

import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.config.BuildSpec;
import io.github.cfcontainers.config.ContainerSpec;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * What one image is made of: the context as sent, the Dockerfile, the local image each base
 * reference points to now ({@link DockerfileInputs}), target, build args, platform, labels, and
 * where it is tagged. Two builds with the same key give the engine the same input, so the engine's
 * cache would answer with the same image.
 */
final class ImageContentKey {

  private ImageContentKey() {}

  /**
   * The key, or empty when the image must be built: {@code noCache} and {@code pull} ask for a
   * fresh build, a base image that is not local (or not resolvable) is the build's to fetch, a
   * Dockerfile that reads what no key covers (a remote {@code ADD}) is built every time, and a
   * context that cannot be read is for the build to report.
   */
  static Optional<String> of(
      ContainerEngine engine,
      BuildContextDigest context,
      BuildSettings settings,
      ContainerSpec container,
      BuildSpec spec,
      Map<String, String> extraLabels,
      Reporter reporter) {
    if (context == null || spec.noCache() || spec.pull()) {
      return Optional.empty();
    }
    try {
      var scan = DockerfileInputs.of(spec.dockerfile(), spec.args());
      if (!scan.coverable()) {
        reporter.debug("No content key for " + container.label() + ": " + scan.uncovered());
        return Optional.empty();
      }
      var hash = new ContentHash("image-v2");
      for (String base : scan.baseImages()) {
        Optional<String> id = engine.imageId(base);
        if (id.isEmpty()) {
          reporter.debug("No content key for " + container.label() + ": " + base + " is not local");
          return Optional.empty();
        }
        hash.field("base", base).field("baseId", id.get());
      }
      return Optional.of(
          hash.field("context", context.digest(spec, settings.outputDirectory()))
              .field("target", spec.target().orElse(null))
              .map("args", spec.args())
              .field("platform", spec.platform())
              .map("labels", spec.labels())
              .map("extraLabels", extraLabels)
              .field("worker", settings.workerName())
              .field("dev", settings.dev())
              .field("name", container.name())
              .field("tag", container.tag().orElse(null))
              .hex());
    } catch (IOException | RuntimeException e) {
      reporter.debug("No content key for " + container.label() + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Short enough for a log line, long enough to tell two keys apart. */
  static String shortKey(String key) {
    return key.substring(0, Math.min(12, key.length()));
  }
}
