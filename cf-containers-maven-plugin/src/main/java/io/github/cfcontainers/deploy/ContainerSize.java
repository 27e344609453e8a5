package io.github.cfcontainers.deploy;

/** How big each instance is: a predefined type, or a custom size. */
public sealed interface ContainerSize permits ContainerSize.Named, ContainerSize.Custom {

  int diskMb();

  record Named(InstanceType type) implements ContainerSize {
    @Override
    public int diskMb() {
      return type.diskMb();
    }
  }

  record Custom(double vcpu, int memoryMib, int diskMb) implements ContainerSize {}
}
