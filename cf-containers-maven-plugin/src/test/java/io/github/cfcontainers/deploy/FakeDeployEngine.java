package io.github.cfcontainers.deploy;

import io.github.cfcontainers.build.ContainerEngine;
import io.github.cfcontainers.config.BuildSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The engine of deploy and status tests: records every call and never builds. The local image is
 * {@link #IMAGE_ID}, linux/{@link #architecture}; a push answers {@code pushedDigest} and notes how
 * many API requests had been made by then.
 */
public final class FakeDeployEngine implements ContainerEngine {

  public static final String IMAGE_ID = "sha256:" + "1".repeat(64);

  public final List<String> calls = new CopyOnWriteArrayList<>();
  public String architecture = "amd64";
  public long imageSize = 50_000_000L;
  public List<String> repoDigests = List.of();
  public int apiRequestsBeforePush = -1;
  private final String pushedDigest;
  private final IntSupplier apiRequests;
  private final boolean readOnly;

  private FakeDeployEngine(String pushedDigest, IntSupplier apiRequests, boolean readOnly) {
    this.pushedDigest = pushedDigest;
    this.apiRequests = apiRequests;
    this.readOnly = readOnly;
  }

  /** An engine a deploy may tag and push with; {@code apiRequests} counts the calls so far. */
  public static FakeDeployEngine pushing(String pushedDigest, IntSupplier apiRequests) {
    return new FakeDeployEngine(pushedDigest, apiRequests, false);
  }

  /** An engine that fails the test on a tag or push (status only reads). */
  public static FakeDeployEngine readOnly(long imageSize, List<String> repoDigests) {
    var engine = new FakeDeployEngine(null, () -> -1, true);
    engine.imageSize = imageSize;
    engine.repoDigests = repoDigests;
    return engine;
  }

  @Override
  public String ping() {
    calls.add("ping");
    return "FakeEngine 1.0";
  }

  @Override
  public String build(BuildSpec spec, Map<String, String> extraLabels, Consumer<String> output) {
    throw new AssertionError("a deploy never builds");
  }

  @Override
  public void tag(String imageId, String repository, String tag) {
    if (readOnly) {
      throw new AssertionError("no tag");
    }
    calls.add("tag " + imageId + " " + repository + ":" + tag);
  }

  @Override
  public Optional<LocalImage> inspect(String reference) {
    calls.add("inspect " + reference);
    return Optional.of(new LocalImage(IMAGE_ID, imageSize, "linux", architecture, repoDigests));
  }

  @Override
  public String push(String repository, String tag, RegistryAuth auth, Consumer<String> progress) {
    if (readOnly) {
      throw new AssertionError("status never pushes");
    }
    calls.add("push " + repository + ":" + tag + " as " + auth.username());
    apiRequestsBeforePush = apiRequests.getAsInt();
    return pushedDigest;
  }
}
