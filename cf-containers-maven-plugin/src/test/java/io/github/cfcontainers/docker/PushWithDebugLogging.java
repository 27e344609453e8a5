package io.github.cfcontainers.docker;

import io.github.cfcontainers.build.ContainerEngine.RegistryAuth;
import java.util.UUID;
import org.slf4j.LoggerFactory;

/**
 * Run in its own JVM by {@link RegistryCredentialsLoggingTest} with every logger at TRACE: pushes a
 * tiny image to the test ground's registry. "precreated" creates httpclient5's header and wire
 * loggers first, as another plugin or an earlier execution in the same Maven JVM could.
 */
public final class PushWithDebugLogging {

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("precreated")) {
      for (String name : TransportLogGuard.CREDENTIAL_LOGGERS) {
        System.out.println(
            "before the engine: "
                + name
                + " debug="
                + LoggerFactory.getLogger(name).isDebugEnabled());
      }
    }
    String registry = System.getenv("CF_TEST_REGISTRY");
    String repository = registry + "/cf-credentials-log-test-" + UUID.randomUUID();
    try (var engine = new DockerJavaEngine()) {
      engine.tag(System.getenv("CF_TEST_BUSYBOX_IMAGE"), repository, "1");
      try {
        String digest =
            engine.push(
                repository,
                "1",
                new RegistryAuth(
                    registry,
                    System.getenv("CF_TEST_REGISTRY_USER"),
                    System.getenv("CF_TEST_REGISTRY_PASSWORD")),
                line -> System.out.println("progress " + line));
        System.out.println("PUSHED " + digest);
      } finally {
        engine.client().removeImageCmd(repository + ":1").exec();
      }
    }
  }
}
