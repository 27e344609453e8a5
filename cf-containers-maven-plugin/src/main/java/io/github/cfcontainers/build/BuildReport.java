package io.github.cfcontainers.build;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@code cf:build} produced, written to {@code target/cf-containers/build.json} for the later
 * goals and for CI.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildReport(
    String worker, boolean dev, WorkerBundleSummary workerBundle, List<Image> containers) {

  public BuildReport {
    containers = List.copyOf(containers);
  }

  /**
   * The bundled Worker, when the project has one: what deploy uploads.
   *
   * @param contentKey what the bundle was made of and what it is (see {@link WorkerContentKey}), or
   *     null when not known; the next cf:build skips esbuild while it still matches
   */
  public record WorkerBundleSummary(
      String directory, String mainModule, String sha256, List<String> exports, String contentKey) {
    public WorkerBundleSummary {
      exports = List.copyOf(exports);
    }

    WorkerBundleSummary withContentKey(String key) {
      return new WorkerBundleSummary(directory, mainModule, sha256, exports, key);
    }
  }

  /**
   * One container's image.
   *
   * @param image the local reference ({@code name:tag}, {@code cloudflare-dev/name:tag}) or the
   *     prebuilt reference as configured
   * @param imageId {@code sha256:...}, or null for a prebuilt image the engine does not hold
   * @param size bytes, or null when unknown
   * @param contentKey what the image was built from (see {@link ImageContentKey}), or null when it
   *     was not built or must not be reused; the next cf:build reuses the image while it matches
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Image(
      String name,
      String className,
      String image,
      String imageId,
      String tag,
      Long size,
      String platform,
      boolean prebuilt,
      String contentKey) {}
}
