package io.github.cfcontainers.maven;

import io.github.cfcontainers.config.BuildConfig;
import io.github.cfcontainers.config.ContainerConfig;
import io.github.cfcontainers.config.RolloutConfig;
import java.util.List;

/**
 * {@code <container>}: one Cloudflare Container of the Worker. Field names are the XML elements;
 * the deploy settings are read by {@code cf:deploy} and ignored by {@code cf:build}.
 */
public class Container implements ContainerConfig {

  /** The Durable Object class in the Worker that owns the container instances (required). */
  String className;

  /**
   * Application and image repository name; default {@code <workerName>-<className>} lower-cased.
   */
  String name;

  /** Image tag; default derived from the image content. */
  String tag;

  /** A prebuilt image reference instead of {@code <build>}. */
  String image;

  Build build;

  /** Durable Object binding name in the Worker; default the class name in UPPER_SNAKE case. */
  String binding;

  String instanceType;
  // Numbers are read as text so a typo gets our message naming the element (see
  // config.WrittenNumbers),
  // not Maven's bare "Cannot convert".
  String vcpu;
  String memoryMib;
  String diskMb;
  String maxInstances;
  String schedulingPolicy;
  List<String> regions;
  String jurisdiction;
  List<String> tiers;
  Boolean observability;
  Rollout rollout;
  Boolean adopt;

  /**
   * The class's previous name, after renaming it in the Worker: its namespace, storage and
   * application are kept (a {@code renamed_classes} migration) instead of deleted and made anew.
   */
  String renamedFrom;

  // The raw view the resolvers read: the fields as Maven injected them.

  @Override
  public String className() {
    return className;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String tag() {
    return tag;
  }

  @Override
  public String image() {
    return image;
  }

  @Override
  public BuildConfig build() {
    return build;
  }

  @Override
  public String binding() {
    return binding;
  }

  @Override
  public String instanceType() {
    return instanceType;
  }

  @Override
  public String vcpu() {
    return vcpu;
  }

  @Override
  public String memoryMib() {
    return memoryMib;
  }

  @Override
  public String diskMb() {
    return diskMb;
  }

  @Override
  public String maxInstances() {
    return maxInstances;
  }

  @Override
  public String schedulingPolicy() {
    return schedulingPolicy;
  }

  @Override
  public List<String> regions() {
    return regions;
  }

  @Override
  public String jurisdiction() {
    return jurisdiction;
  }

  @Override
  public List<String> tiers() {
    return tiers;
  }

  @Override
  public Boolean observability() {
    return observability;
  }

  @Override
  public RolloutConfig rollout() {
    return rollout;
  }

  @Override
  public Boolean adopt() {
    return adopt;
  }

  @Override
  public String renamedFrom() {
    return renamedFrom;
  }
}
