package io.github.cfcontainers.emulator.containers;

import java.util.Map;

/** The named instance types and their legacy aliases (the API answers the legacy names). */
final class InstanceTypes {
  record Size(double vcpu, int memoryMib, int diskMb) {}

  static final Map<String, Size> SIZES =
      Map.of(
          "lite", new Size(1.0 / 16, 256, 2000),
          "basic", new Size(0.25, 1024, 4000),
          "standard-1", new Size(0.5, 4096, 8000),
          "standard-2", new Size(1, 6144, 12000),
          "standard-3", new Size(2, 8192, 16000),
          "standard-4", new Size(4, 12288, 20000));
  private static final Map<String, String> LEGACY_TO_CURRENT =
      Map.of("dev", "lite", "standard", "standard-1");
  private static final Map<String, String> CURRENT_TO_LEGACY =
      Map.of("lite", "dev", "standard-1", "standard");

  private InstanceTypes() {}

  /** The canonical name, or null when unknown. */
  static String canonical(String name) {
    String n = LEGACY_TO_CURRENT.getOrDefault(name, name);
    return SIZES.containsKey(n) ? n : null;
  }

  /** The name as the real API answers it. */
  static String asAnswered(String canonical) {
    return CURRENT_TO_LEGACY.getOrDefault(canonical, canonical);
  }
}
