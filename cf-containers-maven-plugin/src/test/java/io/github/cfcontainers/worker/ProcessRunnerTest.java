package io.github.cfcontainers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

@DisabledOnOs(OS.WINDOWS)
class ProcessRunnerTest {

  private final ProcessRunner runner = new ProcessRunner();

  @Test
  void streamsStdoutAndStderrLineByLine() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    ProcessRunner.Result r =
        runner.run(
            List.of("sh", "-c", "echo one; echo two >&2; echo 'ü ✘'; exit 3"),
            null,
            null,
            Duration.ofSeconds(20),
            (s, l) -> lines.add(s + ":" + l));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.succeeded()).isFalse();
    assertThat(r.timedOut()).isFalse();
    assertThat(lines).containsExactlyInAnyOrder("STDOUT:one", "STDERR:two", "STDOUT:ü ✘");
    assertThat(r.tail()).containsExactlyInAnyOrder("one", "two", "ü ✘");
  }

  @Test
  void stdinIsClosedNotInherited() throws Exception {
    // cat would wait forever on an inherited terminal; with stdin closed it exits at once
    ProcessRunner.Result r = runner.run(List.of("cat"), null, null, Duration.ofSeconds(20), null);
    assertThat(r.succeeded()).isTrue();
  }

  @Test
  void timeoutKillsTheProcess() throws Exception {
    long start = System.nanoTime();
    ProcessRunner.Result r =
        runner.run(
            List.of("sh", "-c", "echo started; sleep 30"),
            null,
            null,
            Duration.ofMillis(500),
            null);
    assertThat(r.timedOut()).isTrue();
    assertThat(r.exitCode()).isEqualTo(-1);
    assertThat(r.tail()).contains("started");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void usesGivenDirectoryAndEnvironment() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    ProcessRunner.Result r =
        runner.run(
            List.of("/bin/sh", "-c", "pwd; echo $FOO"),
            Path.of("/"),
            Map.of("FOO", "bar", "PATH", "/usr/bin:/bin"),
            Duration.ofSeconds(20),
            (s, l) -> lines.add(l));
    assertThat(r.succeeded()).isTrue();
    assertThat(lines).containsExactly("/", "bar");
  }

  @Test
  void missingExecutableThrows() {
    assertThatThrownBy(
            () -> runner.run(List.of("/no/such/tool"), null, null, Duration.ofSeconds(5), null))
        .isInstanceOf(IOException.class);
  }
}
