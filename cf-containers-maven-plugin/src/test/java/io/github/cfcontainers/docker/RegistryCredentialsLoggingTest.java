package io.github.cfcontainers.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real push with every logger at TRACE (what {@code mvn -X} does) must print no registry
 * credential: not the password, nor base64 of {@code user:password} or of the X-Registry-Auth JSON,
 * standard or URL-safe, nor anything base64 that decodes to the password. Every file under target/
 * is searched too.
 */
class RegistryCredentialsLoggingTest {

  private static final Pattern BASE64_TOKEN = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");

  @ParameterizedTest(name = "{0} loggers")
  @ValueSource(strings = {"fresh", "precreated"})
  void aPushAtTraceLevelLogsNoCredential(String mode) throws Exception {
    String registry = env("CF_TEST_REGISTRY");
    String user = env("CF_TEST_REGISTRY_USER");
    String password = env("CF_TEST_REGISTRY_PASSWORD");
    env("CF_TEST_BUSYBOX_IMAGE");
    Path log = Path.of("target", "credentials-log-test", "push-" + mode + ".log").toAbsolutePath();
    Files.createDirectories(log.getParent());

    var process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                PushWithDebugLogging.class.getName(),
                mode)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the push finished").isTrue();
    String output = Files.readString(log, StandardCharsets.ISO_8859_1);
    assertThat(process.exitValue()).as("the push failed; see " + log).isZero();
    // Booleans, not contains(): a failure must not copy the output (maybe a secret) into the
    // report.
    assertThat(output.contains("PUSHED sha256:")).as("pushed; see " + log).isTrue();
    // The logging really was at TRACE: docker-java and httpclient5 logged the push request.
    assertThat(
            output.contains("TRACE com.github.dockerjava.core.exec.PushImageCmdExec - POST")
                && output.contains("DEBUG org.apache.hc.client5.http.impl"))
        .as("debug lines in " + log)
        .isTrue();
    if (mode.equals("precreated")) {
      assertThat(output.contains("org.apache.hc.client5.http.headers debug=true"))
          .as("precreated at DEBUG")
          .isTrue();
    }

    var needles = needles(registry, user, password);
    assertThat(findings(output, needles, password))
        .as("credentials in the push's output " + log)
        .isEmpty();
    var inFiles = new ArrayList<String>();
    try (Stream<Path> files = Files.walk(Path.of("target"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        needles.forEach(
            (kind, needle) -> {
              if (content.contains(needle)) {
                inFiles.add(kind + " in " + file);
              }
            });
      }
    }
    assertThat(inFiles).as("credentials in files under target/").isEmpty();
  }

  /** The forms a credential takes on the way to the daemon, by name (the name is safe to print). */
  private static Map<String, String> needles(String registry, String user, String password)
      throws Exception {
    var needles = new LinkedHashMap<String, String>();
    needles.put("the password", password);
    byte[] basic = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    addEncodings(needles, "user:password", basic);
    // The JSON of the X-Registry-Auth header, as docker-java's AbstrDockerCmdExec.registryAuth
    // makes it.
    var auth =
        new AuthConfig().withRegistryAddress(registry).withUsername(user).withPassword(password);
    byte[] json =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .build()
            .getObjectMapper()
            .writeValueAsString(auth)
            .getBytes(StandardCharsets.UTF_8);
    assertThat(new String(json, StandardCharsets.UTF_8).contains(password)).isTrue();
    addEncodings(needles, "the auth JSON", json);
    return needles;
  }

  private static void addEncodings(Map<String, String> needles, String name, byte[] value) {
    needles.put("base64 of " + name, Base64.getEncoder().encodeToString(value));
    needles.put(
        "unpadded base64 of " + name, Base64.getEncoder().withoutPadding().encodeToString(value));
    needles.put("URL-safe base64 of " + name, Base64.getUrlEncoder().encodeToString(value));
    needles.put(
        "unpadded URL-safe base64 of " + name,
        Base64.getUrlEncoder().withoutPadding().encodeToString(value));
  }

  private static List<String> findings(String text, Map<String, String> needles, String password) {
    var found = new ArrayList<String>();
    needles.forEach(
        (kind, needle) -> {
          if (text.contains(needle)) {
            found.add(kind);
          }
        });
    var tokens = BASE64_TOKEN.matcher(text);
    while (tokens.find()) {
      byte[] decoded = decode(tokens.group());
      if (decoded != null && new String(decoded, StandardCharsets.ISO_8859_1).contains(password)) {
        found.add("a base64 token that decodes to the password");
      }
    }
    return found;
  }

  private static byte[] decode(String token) {
    String padded = token.replace("=", "");
    padded = padded + "===".substring(0, (4 - padded.length() % 4) % 4);
    try {
      return Base64.getUrlDecoder().decode(padded.replace('+', '-').replace('/', '_'));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String env(String name) {
    String value = System.getenv(name);
    assertThat(value).as(name + ": source the test ground's env first").isNotBlank();
    return value;
  }
}
