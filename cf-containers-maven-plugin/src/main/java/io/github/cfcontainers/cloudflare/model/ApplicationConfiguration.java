package io.github.cfcontainers.cloudflare.model;

/**
 * An application's {@code configuration}: {@code image} plus either {@code instance_type} or a
 * custom size ({@code vcpu}, {@code memory_mib}, {@code disk.size_mb}), and {@code
 * observability.logs.enabled}.
 */
public record ApplicationConfiguration(
    String image,
    String instanceType,
    Double vcpu,
    Integer memoryMib,
    Disk disk,
    Observability observability) {

  /** {@code disk}: {@code {"size_mb":…}}. */
  public record Disk(Integer sizeMb) {}

  /** {@code observability}: {@code {"logs":{"enabled":…}}}. */
  public record Observability(Logs logs) {
    public static Observability logs(boolean enabled) {
      return new Observability(new Logs(enabled));
    }
  }

  /** {@code observability.logs}. */
  public record Logs(Boolean enabled) {}

  /** A named instance type ({@code lite}, {@code basic}, {@code standard-1} …). */
  public static ApplicationConfiguration ofInstanceType(
      String image, String instanceType, Boolean logs) {
    return new ApplicationConfiguration(
        image, instanceType, null, null, null, logs == null ? null : Observability.logs(logs));
  }

  /** A custom size. */
  public static ApplicationConfiguration custom(
      String image, double vcpu, int memoryMib, int diskMb, Boolean logs) {
    return new ApplicationConfiguration(
        image,
        null,
        vcpu,
        memoryMib,
        new Disk(diskMb),
        logs == null ? null : Observability.logs(logs));
  }
}
