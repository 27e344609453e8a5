package io.github.cfcontainers.build;

import io.github.cfcontainers.config.BuildSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An engine that records every call; each build streams {@link #output}, then fails with {@link
 * #failure} if set, else gives {@link #imageId} if set or a new image id. Tags are references.
 */
final class FakeBuildEngine implements ContainerEngine {
  final List<String> calls = new ArrayList<>();
  final Map<String, String> references = new HashMap<>();
  final List<Map<String, String>> buildLabels = new ArrayList<>();
  List<String> output = List.of();
  String failure;
  String imageId;
  long imageSize = 2048;
  private int builds;

  FakeBuildEngine() {
    // The base images the tests' Dockerfiles name, as a pull would have left them.
    references.put("busybox:1.36", "sha256:" + "b".repeat(64));
    references.put("busybox:1.37", "sha256:" + "c".repeat(64));
  }

  @Override
  public String ping() {
    calls.add("ping");
    return "fake engine";
  }

  @Override
  public String build(BuildSpec spec, Map<String, String> labels, Consumer<String> out) {
    calls.add("build");
    builds++;
    buildLabels.add(labels);
    output.forEach(out);
    if (failure != null) {
      throw new ImageBuildFailedException(failure);
    }
    return imageId != null
        ? imageId
        : "sha256:" + String.valueOf(builds).repeat(64).substring(0, 64);
  }

  @Override
  public void tag(String imageId, String repository, String tag) {
    calls.add("tag " + repository + ":" + tag);
    references.put(repository + ":" + tag, imageId);
  }

  @Override
  public Optional<LocalImage> inspect(String reference) {
    calls.add("inspect " + reference);
    String id = reference.startsWith("sha256:") ? reference : references.get(reference);
    return id == null
        ? Optional.empty()
        : Optional.of(new LocalImage(id, imageSize, "linux", "amd64"));
  }

  @Override
  public String push(String repository, String tag, RegistryAuth auth, Consumer<String> progress) {
    throw new UnsupportedOperationException();
  }

  long buildCount() {
    return calls.stream().filter("build"::equals).count();
  }
}
