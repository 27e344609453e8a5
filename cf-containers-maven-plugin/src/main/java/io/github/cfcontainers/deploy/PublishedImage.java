package io.github.cfcontainers.deploy;

/**
 * A container's image as the application will reference it.
 *
 * @param reference digest-pinned ({@code repo@sha256:...}) when known, else the tagged reference
 * @param digest the manifest digest, or null when not known yet (a plan before the push)
 */
public record PublishedImage(String reference, String digest, Outcome outcome) {

  public enum Outcome {
    PUSHED,
    ALREADY_IN_REGISTRY,
    WILL_PUSH,
    EXTERNAL
  }

  public boolean changed() {
    return outcome == Outcome.PUSHED || outcome == Outcome.WILL_PUSH;
  }
}
