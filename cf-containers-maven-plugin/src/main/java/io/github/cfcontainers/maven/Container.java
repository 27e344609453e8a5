package io.github.cfcontainers.maven;

import java.util.List;

/**
 * {@code <container>}: one Cloudflare Container of the Worker. Field names are the XML elements;
 * the deploy settings are read by {@code cf:deploy} and ignored by {@code cf:build}.
 */
public class Container {

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
  // Numbers are read as text so a typo gets our message naming the element (see XmlNumbers),
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
}
