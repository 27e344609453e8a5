package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sizes an application's instances get, whichever form the configuration states them in: a
 * named {@code instance_type}, the three sizes ({@code vcpu}, {@code memory_mib}, {@code
 * disk.size_mb}), or both (a read-back resolves a named type to its sizes, and may answer a legacy
 * name). Each field is null when the configuration neither states it nor names a known type that
 * implies it: the public schema promises none of them.
 *
 * @param label the type's canonical name, an unknown name as given, {@code custom}, or null when
 *     nothing is stated
 */
record EffectiveSize(Double vcpu, Integer memoryMib, Integer diskMb, String label) {

  static final String CUSTOM = "custom";

  /** What the POM asks for; the label follows the form written there. */
  static EffectiveSize of(ContainerSize size) {
    if (size instanceof ContainerSize.Custom custom) {
      return new EffectiveSize(custom.vcpu(), custom.memoryMib(), custom.diskMb(), CUSTOM);
    }
    var type = ((ContainerSize.Named) size).type();
    return new EffectiveSize(type.vcpu(), type.memoryMib(), type.diskMb(), type.apiName());
  }

  /** What the API answered: stated sizes win, a known type (legacy names too) fills the rest. */
  static EffectiveSize of(ApplicationConfiguration configuration) {
    if (configuration == null) {
      return new EffectiveSize(null, null, null, null);
    }
    Optional<InstanceType> named =
        configuration.instanceType() == null
            ? Optional.empty()
            : InstanceType.fromName(configuration.instanceType());
    Double vcpu =
        configuration.vcpu() != null
            ? configuration.vcpu()
            : named.map(InstanceType::vcpu).orElse(null);
    Integer memory =
        configuration.memoryMib() != null
            ? configuration.memoryMib()
            : named.map(InstanceType::memoryMib).orElse(null);
    Integer disk =
        configuration.disk() != null && configuration.disk().sizeMb() != null
            ? configuration.disk().sizeMb()
            : named.map(InstanceType::diskMb).orElse(null);
    String label;
    if (vcpu != null && memory != null && disk != null) {
      label = InstanceType.ofSizes(vcpu, memory, disk).map(InstanceType::apiName).orElse(CUSTOM);
    } else {
      label = named.map(InstanceType::apiName).orElse(configuration.instanceType());
    }
    return new EffectiveSize(vcpu, memory, disk, label);
  }

  boolean isComplete() {
    return vcpu != null && memoryMib != null && diskMb != null;
  }

  boolean isUnknown() {
    return vcpu == null && memoryMib == null && diskMb == null;
  }

  /**
   * "field: remote -> desired" lines, empty when the sizes are the same. A dimension the API did
   * not report is not compared (no false change every deploy); nothing reported at all is a change,
   * so the deploy states the size.
   */
  static List<String> diff(EffectiveSize remote, EffectiveSize desired) {
    var changes = new ArrayList<String>();
    if (remote.isUnknown()) {
      changes.add(
          "instance_type: "
              + (remote.label() == null ? "(not reported)" : remote.label())
              + " -> "
              + desired.label());
      return changes;
    }
    boolean sameVcpu = remote.vcpu() == null || Math.abs(remote.vcpu() - desired.vcpu()) < 1e-9;
    boolean sameMemory =
        remote.memoryMib() == null || remote.memoryMib().equals(desired.memoryMib());
    boolean sameDisk = remote.diskMb() == null || remote.diskMb().equals(desired.diskMb());
    if (sameVcpu && sameMemory && sameDisk) {
      return changes;
    }
    boolean bothNamed =
        !CUSTOM.equals(desired.label()) && remote.label() != null && !CUSTOM.equals(remote.label());
    if (remote.label() != null && !remote.label().equals(desired.label())) {
      changes.add("instance_type: " + remote.label() + " -> " + desired.label());
    }
    if (bothNamed && !changes.isEmpty()) {
      return changes; // one type for another: the name says it all
    }
    if (!sameVcpu) {
      changes.add("vcpu: " + remote.vcpu() + " -> " + desired.vcpu());
    }
    if (!sameMemory) {
      changes.add("memory_mib: " + remote.memoryMib() + " -> " + desired.memoryMib());
    }
    if (!sameDisk) {
      changes.add("disk.size_mb: " + remote.diskMb() + " -> " + desired.diskMb());
    }
    return changes;
  }
}
