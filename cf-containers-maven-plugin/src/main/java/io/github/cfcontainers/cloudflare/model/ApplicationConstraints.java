package io.github.cfcontainers.cloudflare.model;

import java.util.List;

/**
 * {@code constraints}: {@code {"tiers":[1,2],"regions":["ENAM",…],"jurisdiction":"eu"}}; all
 * optional.
 */
public record ApplicationConstraints(
    List<Integer> tiers, List<String> regions, String jurisdiction) {}
