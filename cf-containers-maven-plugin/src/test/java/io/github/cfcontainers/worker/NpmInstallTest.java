package io.github.cfcontainers.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.Reporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmInstallTest {

  @TempDir Path project;

  @Test
  void errorSummaryDropsTheUsageTextAndKeepsTheLogPath() {
    List<String> errors =
        List.of(
            "npm error code EUSAGE",
            "npm error The `npm ci` command can only install with an existing package-lock.json",
            "npm error Clean install a project",
            "npm error Usage:",
            "npm error npm ci",
            "npm error A complete log of this run can be found in: /root/.npm/_logs/x.log");
    assertThat(NpmInstall.errorSummary(errors))
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "npm error code EUSAGE",
                "npm error The `npm ci` command can only install with an existing package-lock.json",
                "npm error A complete log of this run can be found in: /root/.npm/_logs/x.log"));
  }

  @Test
  void errorSummaryKeepsTwentyLines() {
    List<String> many = IntStream.range(0, 30).mapToObj(i -> "npm ERR! line " + i).toList();
    assertThat(NpmInstall.errorSummary(many).lines())
        .hasSize(20)
        .last()
        .isEqualTo("npm ERR! line 19");
  }

  @Test
  void offlineWithoutNodeModulesNamesTheCommandToRun() throws Exception {
    WorkerSource source =
        WorkerSource.of(project, "w.ts", project.resolve("out")).withOffline(true);
    assertThatThrownBy(
            () ->
                NpmInstall.ensureInstalled(
                    source, project, null, Duration.ofSeconds(1), Reporter.SILENT))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("offline mode forbids running `npm install`.");
    Files.writeString(project.resolve("package-lock.json"), "{}");
    assertThatThrownBy(
            () ->
                NpmInstall.ensureInstalled(
                    source, project, null, Duration.ofSeconds(1), Reporter.SILENT))
        .isInstanceOf(WorkerBundleException.class)
        .hasMessageContaining("offline mode forbids running `npm ci`.")
        .hasMessageContaining("Fix: run `npm ci` in " + project);
  }

  @Test
  void presentNodeModulesRunsNothingAndWarnsOnlyWhenTheLockfileIsNewer() throws Exception {
    Path lock = Files.writeString(project.resolve("package-lock.json"), "{}");
    Path installed =
        Files.writeString(
            Files.createDirectories(project.resolve("node_modules")).resolve(".package-lock.json"),
            "{}");
    Files.setLastModifiedTime(lock, FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(installed, FileTime.fromMillis(2_000_000));
    WorkerSource source = WorkerSource.of(project, "w.ts", project.resolve("out"));
    RecordingListener log = new RecordingListener();
    // No toolchain: npm must not be needed.
    NpmInstall.ensureInstalled(source, project, null, Duration.ofSeconds(1), log);
    assertThat(log.lines()).noneSatisfy(l -> assertThat(l).startsWith("WARN"));

    Files.setLastModifiedTime(lock, FileTime.fromMillis(3_000_000));
    NpmInstall.ensureInstalled(source, project, null, Duration.ofSeconds(1), log);
    assertThat(log.lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("WARN package-lock.json in " + project)
                    .contains("npm ci"));
  }
}
