package io.github.cfcontainers.deploy;

import java.util.List;

/** Where instances may run; empty lists and a null jurisdiction mean "anywhere". */
public record Constraints(List<String> regions, String jurisdiction, List<Integer> tiers) {

  public static final List<String> REGIONS =
      List.of("ENAM", "WNAM", "EEUR", "WEUR", "APAC", "SAM", "ME", "OC", "AFR");
  public static final List<String> JURISDICTIONS = List.of("eu", "fedramp");
  public static final Constraints NONE = new Constraints(List.of(), null, List.of());

  public Constraints {
    regions = List.copyOf(regions);
    tiers = List.copyOf(tiers);
  }

  public boolean isEmpty() {
    return regions.isEmpty() && jurisdiction == null && tiers.isEmpty();
  }
}
