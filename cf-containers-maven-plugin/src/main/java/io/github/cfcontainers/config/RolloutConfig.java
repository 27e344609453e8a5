package io.github.cfcontainers.config;

import java.util.List;

/** {@code <rollout>} of a container as written; numbers as text, every answer may be null. */
public interface RolloutConfig {

  String strategy();

  String stepPercentage();

  List<String> steps();

  String activeGracePeriod();
}
