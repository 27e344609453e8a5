package io.github.cfcontainers.emulator;

import org.junit.jupiter.api.BeforeAll;

/**
 * An emulator wired to the real registry, with the test-ground busybox image pushed once per run.
 */
public abstract class RegistryHarness extends EmulatorHarness {
  private static String busybox;
  protected String image;

  @Override
  protected CloudflareEmulator.Builder configure(CloudflareEmulator.Builder b) {
    return TestGround.withRegistry(b);
  }

  @BeforeAll
  protected void pushImage() throws Exception {
    synchronized (RegistryHarness.class) {
      if (busybox == null)
        busybox = TestGround.push(api, TestGround.env("CF_TEST_BUSYBOX_IMAGE"), "emu-busybox");
    }
    image = busybox;
  }

  /** A create body as the reference shows it. */
  protected String createBody(String name, String namespaceId, String configuration) {
    return """
        {"name":"%s","scheduling_policy":"default","instances":0,"max_instances":20,
         "configuration":%s,
         "durable_objects":{"namespace_id":"%s"},"rollout_active_grace_period":0}
        """
        .formatted(name, configuration, namespaceId);
  }

  protected String lite(String img) {
    return "{\"image\":\""
        + img
        + "\",\"instance_type\":\"lite\",\"observability\":{\"logs\":{\"enabled\":true}}}";
  }
}
