package io.github.cfcontainers.build;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Reporter;
import io.github.cfcontainers.common.Setting;
import io.github.cfcontainers.config.BuildSpec;
import io.github.cfcontainers.config.ContainerSpec;
import io.github.cfcontainers.config.Platforms;
import io.github.cfcontainers.config.PrebuiltImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds (or records) the image of every container and writes build.json. */
public final class ImageBuildService {

  /** The prefix the local Workers runtime looks for (the seed's dev mode). */
  public static final String DEV_PREFIX = "cloudflare-dev/";

  public static final String LABEL_WORKER = "io.github.cfcontainers.worker";
  public static final String LABEL_CLASS = "io.github.cfcontainers.class";
  private static final int MAX_FAILURE_LINES = 200;

  private final ContainerEngine engine;
  private final BuildContextDigest contextDigest;
  private final Reporter reporter;
  private boolean pinged;

  /** Builds every image every time (cf:dev, which rebuilds on change anyway). */
  public ImageBuildService(ContainerEngine engine, Reporter reporter) {
    this(engine, null, reporter);
  }

  /**
   * Reuses an image whose content key ({@code contextDigest} and the settings) matches what the
   * last build.json recorded and which the engine still holds under that reference.
   */
  public ImageBuildService(
      ContainerEngine engine, BuildContextDigest contextDigest, Reporter reporter) {
    this.engine = engine;
    this.contextDigest = contextDigest;
    this.reporter = reporter;
  }

  public BuildReport build(BuildSettings settings) {
    return build(settings, PreviousBuild::none);
  }

  BuildReport build(BuildSettings settings, Supplier<PreviousBuild> previous) {
    checkOffline(settings);
    var images = new ArrayList<BuildReport.Image>();
    for (ContainerSpec container : settings.containers()) {
      if (container.source() instanceof BuildSpec spec) {
        var labels = labels(settings, container);
        var key =
            ImageContentKey.of(engine, contextDigest, settings, container, spec, labels, reporter);
        var reused = key.flatMap(k -> reuse(container, k, previous.get().image(container.name())));
        if (reused.isPresent()) {
          images.add(reused.get());
          continue;
        }
        if (!pinged) {
          reporter.info("Using " + engine.ping());
          pinged = true;
        }
        images.add(buildOne(settings, container, spec, labels, key.orElse(null)));
      } else if (container.source() instanceof PrebuiltImage prebuilt) {
        reporter.info(
            "Container "
                + container.label()
                + " uses the prebuilt image "
                + prebuilt.reference()
                + ": nothing to build");
        images.add(
            new BuildReport.Image(
                container.name(),
                container.className(),
                prebuilt.reference(),
                null,
                null,
                null,
                null,
                true,
                null));
      }
    }
    var report =
        new BuildReport(settings.workerName(), settings.dev(), settings.workerBundle(), images);
    // compared as the bytes it would write: a record's equals costs a cold JVM more than that
    if (BuildReportFile.writeIfChanged(settings.outputDirectory(), report)) {
      reporter.debug("Wrote " + settings.outputDirectory().resolve(BuildReportFile.FILE_NAME));
    } else {
      reporter.debug(BuildReportFile.FILE_NAME + " unchanged: not rewritten");
    }
    return report;
  }

  private static void checkOffline(BuildSettings settings) {
    if (!settings.offline()) {
      return;
    }
    for (ContainerSpec container : settings.containers()) {
      if (container.source() instanceof BuildSpec spec && spec.pull()) {
        throw new InvalidSettingException(
            Setting.ofContainer(container.label(), "build", "pull"),
            "Maven is offline (-o) but " + container.label() + " asks to pull its base images.",
            "build without -o, or set <pull>false</pull> to build from the images the engine already has");
      }
    }
  }

  private static Map<String, String> labels(BuildSettings settings, ContainerSpec container) {
    return Map.of(LABEL_WORKER, settings.workerName(), LABEL_CLASS, container.className());
  }

  /**
   * The recorded image when its key matches and the engine still has that reference on that id (one
   * inspect): a removed image, or a tag moved to another image, is built again.
   */
  private Optional<BuildReport.Image> reuse(
      ContainerSpec container, String key, Optional<BuildReport.Image> recorded) {
    if (recorded.isEmpty()
        || !key.equals(recorded.get().contentKey())
        || recorded.get().imageId() == null) {
      return Optional.empty();
    }
    var image = recorded.get();
    if (!engine.imageId(image.image()).equals(Optional.of(image.imageId()))) {
      reporter.info(
          container.label()
              + " is unchanged but "
              + image.image()
              + " is no longer that image in the engine: building it again");
      return Optional.empty();
    }
    reporter.info(
        container.label()
            + " unchanged since the last build: "
            + ImageContentKey.shortKey(key)
            + "; reusing "
            + image.image()
            + " ("
            + shortId(image.imageId())
            + ")");
    return Optional.of(image);
  }

  private BuildReport.Image buildOne(
      BuildSettings settings,
      ContainerSpec container,
      BuildSpec spec,
      Map<String, String> labels,
      String contentKey) {
    if (!Platforms.CLOUDFLARE.equals(spec.platform())) {
      reporter.warn(
          container.label()
              + " is built for "
              + spec.platform()
              + ": Cloudflare runs only "
              + Platforms.CLOUDFLARE
              + ", so this image is for local use only.");
    }
    reporter.info(
        "Building "
            + container.label()
            + " from "
            + spec.dockerfile()
            + spec.target().map(t -> " (target " + t + ")").orElse(""));
    Path transcriptFile = settings.outputDirectory().resolve(container.name() + "-build.log");
    String imageId;
    try (BufferedWriter transcript = openTranscript(transcriptFile)) {
      var log = new BuildLog(reporter, settings.verbose(), "  ", line -> write(transcript, line));
      try {
        imageId = engine.build(spec, labels, log);
      } catch (ImageBuildFailedException e) {
        throw new ImageBuildFailedException(
            failureMessage(container, e, log.failingStep(), transcriptFile), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the build transcript " + transcriptFile, e);
    }
    String tag = container.tag().orElseGet(() -> contentTag(imageId));
    String repository = settings.dev() ? DEV_PREFIX + container.name() : container.name();
    engine.tag(imageId, repository, tag);
    var image =
        engine
            .inspect(imageId)
            .orElseThrow(
                () ->
                    new ImageBuildFailedException(
                        "The engine built " + imageId + " but cannot find it afterwards."));
    String reference = repository + ":" + tag;
    reporter.info(
        "Built "
            + reference
            + " ("
            + shortId(imageId)
            + ", "
            + humanSize(image.size())
            + ", "
            + image.platform()
            + ")");
    return new BuildReport.Image(
        container.name(),
        container.className(),
        reference,
        imageId,
        tag,
        image.size(),
        image.platform(),
        false,
        contentKey);
  }

  /** An unchanged build keeps its image id, so a tag made from it stays the same too. */
  static String contentTag(String imageId) {
    return shortId(imageId);
  }

  static String shortId(String imageId) {
    String hex = imageId.startsWith("sha256:") ? imageId.substring("sha256:".length()) : imageId;
    return hex.substring(0, Math.min(12, hex.length()));
  }

  static String humanSize(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }

  private static String failureMessage(
      ContainerSpec container, ImageBuildFailedException e, List<String> step, Path transcript) {
    var message =
        new StringBuilder("The image build of " + container.label() + " failed: " + e.getMessage());
    if (!step.isEmpty()) {
      message.append("\nOutput of the failing step:");
      int from = Math.max(0, step.size() - MAX_FAILURE_LINES);
      if (from > 0) {
        message.append("\n  ... (").append(from).append(" earlier lines in the transcript)");
      }
      step.subList(from, step.size()).forEach(line -> message.append("\n  ").append(line));
    }
    message.append("\nWhole build output: ").append(transcript);
    return message.toString();
  }

  private static BufferedWriter openTranscript(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  private static void write(BufferedWriter writer, String line) {
    try {
      writer.write(line);
      writer.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
