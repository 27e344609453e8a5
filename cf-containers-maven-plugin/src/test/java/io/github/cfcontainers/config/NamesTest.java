package io.github.cfcontainers.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @ParameterizedTest
  @CsvSource({
    "my-worker,MyContainer,my-worker-mycontainer",
    "api,Api_V2,api-api_v2",
    "w,$Odd,w-_odd"
  })
  void defaultNameIsWorkerDashClassLowerCased(String worker, String className, String expected) {
    assertThat(Names.defaultContainerName(worker, className)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "my-app", "my_app", "app2", "a-b_c-1"})
  void validContainerNames(String name) {
    assertThat(Names.isValidContainerName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-app", "app-", "My-App", "a--b", "a.b", "a b", "a/b"})
  void invalidContainerNames(String name) {
    assertThat(Names.isValidContainerName(name)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void containerNamesAreAtMost63Characters() {
    assertThat(Names.isValidContainerName("a".repeat(63))).isTrue();
    assertThat(Names.isValidContainerName("a".repeat(64))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"w", "my-worker", "my_worker", "a-b-1", "_w"})
  void validWorkerNames(String name) {
    assertThat(Names.WORKER_NAME.matcher(name).matches()).isTrue();
    assertThat(Names.WORKER_NAME.matcher("a".repeat(63)).matches()).isTrue();
  }

  /**
   * The API refuses a trailing '-' (wrangler's checkWorkerNameValidity), which its config check
   * lets through.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "my-worker-", "-w", "-", "My-Worker", "a.b", "a b"})
  void invalidWorkerNames(String name) {
    assertThat(Names.WORKER_NAME.matcher(name).matches()).isFalse();
    assertThat(Names.WORKER_NAME.matcher("a".repeat(64)).matches()).isFalse();
  }
}
