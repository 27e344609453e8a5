package io.github.cfcontainers.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.cloudflare.model.ApplicationConfiguration;
import org.junit.jupiter.api.Test;

/** The canonical type of an API configuration (moved here from the API client's tests). */
class InstanceTypeCanonicalNameTest {

  @Test
  void legacyInstanceTypeNamesAreMapped() {
    assertThat(
            InstanceType.canonicalName(
                new ApplicationConfiguration("img", "dev", null, null, null, null)))
        .isEqualTo("lite");
    assertThat(
            InstanceType.canonicalName(
                new ApplicationConfiguration("img", "Standard-2", null, null, null, null)))
        .isEqualTo("standard-2");
    assertThat(
            InstanceType.canonicalName(
                new ApplicationConfiguration("img", null, 1.0, 3072, null, null)))
        .isNull();
    assertThat(
            InstanceType.canonicalName(
                new ApplicationConfiguration(
                    "img", null, 1.0, 3072, new ApplicationConfiguration.Disk(6000), null)))
        .isNull();
    assertThat(
            InstanceType.canonicalName(
                new ApplicationConfiguration(
                    "img", null, 0.5, 4096, new ApplicationConfiguration.Disk(8000), null)))
        .as("a read-back stating only the sizes")
        .isEqualTo("standard-1");
    assertThat(
            InstanceType.canonicalName(
                new ApplicationConfiguration("img", "standard", null, null, null, null)))
        .isEqualTo("standard-1");
  }
}
