package io.github.cfcontainers.config;

import java.util.List;

/**
 * A container's application settings as written; every answer may be null ("use the default").
 * Numbers are the element's text, so a typo gets a message naming the element ({@link
 * WrittenNumbers}) rather than Maven's bare "Cannot convert".
 */
public interface DeployConfig {

  String binding();

  String instanceType();

  String vcpu();

  String memoryMib();

  String diskMb();

  String maxInstances();

  String schedulingPolicy();

  List<String> regions();

  String jurisdiction();

  List<String> tiers();

  Boolean observability();

  RolloutConfig rollout();

  Boolean adopt();

  /** The Durable Object class's previous name, after a rename in the Worker. */
  String renamedFrom();
}
