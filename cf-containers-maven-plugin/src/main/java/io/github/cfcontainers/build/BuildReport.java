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

  /** The bundled Worker, when the project has one: what deploy uploads. */
  public record WorkerBundleSummary(
      String directory, String mainModule, String sha256, List<String> exports) {
    public WorkerBundleSummary {
      exports = List.copyOf(exports);
    }
  }

  /**
   * One container's image.
   *
   * @param image the local reference ({@code name:tag}, {@code cloudflare-dev/name:tag}) or the
   *     prebuilt reference as configured
   * @param imageId {@code sha256:...}, or null for a prebuilt image the engine does not hold
   * @param size bytes, or null when unknown
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
      boolean prebuilt) {}
}
