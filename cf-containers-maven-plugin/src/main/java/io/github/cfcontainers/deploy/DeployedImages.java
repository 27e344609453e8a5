package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.cloudflare.model.Application;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.StreamingJson;
import io.github.cfcontainers.deploy.ParallelReads.Read;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Built images already deployed: the last deploy's deployment.json recorded pushing this very image
 * (build.json's image id, under the same tagged reference) as {@code repository@digest}, and the
 * application still runs that digest. Such an image needs no registry read, no credentials and no
 * engine.
 */
final class DeployedImages {

  /** One container as deployment.json recorded it: {@code repository@digest}, pushed from what. */
  private record Recorded(String image, String reference, String imageId) {}

  /** The part of deployment.json read here. */
  private record Written(List<Container> containers) {
    record Container(String name, String image, Built built) {}

    record Built(String reference, String imageId) {}
  }

  private final Map<String, Recorded> recorded;

  private DeployedImages(Map<String, Recorded> recorded) {
    this.recorded = recorded;
  }

  /** What the last deploy in {@code outputDirectory} recorded; nothing when it cannot be read. */
  static DeployedImages read(Path outputDirectory, Reporter reporter) {
    var recorded = new HashMap<String, Recorded>();
    Path file =
        outputDirectory == null ? null : outputDirectory.resolve(DeploymentReport.FILE_NAME);
    if (file == null || !Files.isRegularFile(file)) {
      return new DeployedImages(recorded);
    }
    try {
      var written = StreamingJson.readRecord(file, Written.class);
      for (var c :
          written.containers() == null ? List.<Written.Container>of() : written.containers()) {
        if (c != null && c.name() != null && c.built() != null && c.built().imageId() != null) {
          recorded.put(
              c.name(), new Recorded(c.image(), c.built().reference(), c.built().imageId()));
        }
      }
    } catch (IOException | RuntimeException e) {
      reporter.debug("Reading " + file + " failed (every image is checked): " + e.getMessage());
    }
    return new DeployedImages(recorded);
  }

  /**
   * The digest the application runs, when it is this build's image as recorded; empty otherwise
   * (also when the application cannot be read: that read fails again at its own step).
   */
  Optional<String> digest(
      ApplicationSpec container,
      ImageTarget target,
      BuildReport.Image image,
      Read<Optional<Application>> application) {
    var last = recorded.get(container.spec().name());
    if (last == null
        || !target.pushed()
        || image.imageId() == null
        || !image.imageId().equals(last.imageId())
        || !target.taggedReference().equals(last.reference())
        || last.image() == null
        || !last.image().startsWith(target.repository() + "@sha256:")) {
      return Optional.empty();
    }
    Optional<Application> app;
    try {
      app = application.get();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    boolean running =
        app.map(Application::configuration)
            .map(configuration -> last.image().equals(configuration.image()))
            .orElse(false);
    return running
        ? Optional.of(last.image().substring(target.repository().length() + 1))
        : Optional.empty();
  }
}
