package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Cloudflare's predefined container sizes, with the legacy names the API may still answer. */
public enum InstanceType {
  LITE("lite", "dev", 0.0625, 256, 2000),
  BASIC("basic", null, 0.25, 1024, 4000),
  STANDARD_1("standard-1", "standard", 0.5, 4096, 8000),
  STANDARD_2("standard-2", null, 1, 6144, 12000),
  STANDARD_3("standard-3", null, 2, 8192, 16000),
  STANDARD_4("standard-4", null, 4, 12288, 20000);

  private final String apiName;
  private final String legacyName;
  private final double vcpu;
  private final int memoryMib;
  private final int diskMb;

  InstanceType(String apiName, String legacyName, double vcpu, int memoryMib, int diskMb) {
    this.apiName = apiName;
    this.legacyName = legacyName;
    this.vcpu = vcpu;
    this.memoryMib = memoryMib;
    this.diskMb = diskMb;
  }

  public String apiName() {
    return apiName;
  }

  public double vcpu() {
    return vcpu;
  }

  public int memoryMib() {
    return memoryMib;
  }

  public int diskMb() {
    return diskMb;
  }

  /** Reads a current or legacy name, so a remote "dev" compares equal to a configured "lite". */
  public static Optional<InstanceType> fromName(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(type -> type.apiName.equals(lower) || lower.equals(type.legacyName))
        .findFirst();
  }

  /**
   * The type with exactly these sizes, as the API reports them for a named type in a read-back
   * (wrangler's {@code inferInstanceType} does the same). Legacy aliases share their canonical
   * type's sizes, so the answer is always the canonical name.
   */
  public static Optional<InstanceType> ofSizes(double vcpu, int memoryMib, int diskMb) {
    return Arrays.stream(values())
        .filter(
            type ->
                Math.abs(type.vcpu - vcpu) < 1e-9
                    && type.memoryMib == memoryMib
                    && type.diskMb == diskMb)
        .findFirst();
  }

  /**
   * A configuration's type: its {@code instance_type} with legacy names mapped ({@code dev} →
   * {@code lite}), else the type whose sizes it states (a read-back may state only those), else
   * null.
   */
  public static String canonicalName(ApplicationConfiguration c) {
    if (c.instanceType() == null) {
      var disk = c.disk();
      return c.vcpu() == null || c.memoryMib() == null || disk == null || disk.sizeMb() == null
          ? null
          : ofSizes(c.vcpu(), c.memoryMib(), disk.sizeMb()).map(InstanceType::apiName).orElse(null);
    }
    return fromName(c.instanceType()).map(InstanceType::apiName).orElse(c.instanceType());
  }

  public static String names() {
    return Arrays.stream(values()).map(InstanceType::apiName).collect(Collectors.joining(", "));
  }
}
