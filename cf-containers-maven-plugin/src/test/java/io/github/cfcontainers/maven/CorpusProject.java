package io.github.cfcontainers.maven;

import io.github.cfcontainers.build.BuildReport;
import io.github.cfcontainers.build.BuildReportFile;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.config.ContainerResolver;
import io.github.cfcontainers.config.PrebuiltImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One bad-input case's project, as a POM and the command line would configure it: a valid baseline
 * (one container with a prebuilt image in the account's registry, a Worker with a compatibility
 * date, credentials in the environment, a build.json whose bundle exports the classes) that a case
 * then breaks in one place.
 */
final class CorpusProject {

  final Path base;
  final CorpusGround ground;
  String workerName = "orders";
  final List<Container> containers = new ArrayList<>();
  Worker worker = new Worker();
  final Properties user = new Properties();
  final Map<String, String> env = new HashMap<>();
  boolean offline;
  String apiBaseUrl;
  String accountId;
  String apiToken;
  File registryCaFile;

  /** What cf:build wrote; null for none, or replaced by a case. */
  List<String> exports = new ArrayList<>(List.of("MyContainer", "Second"));

  boolean bundle = true;
  boolean writeBuildJson = true;
  String buildJsonText;

  /** The image size cf:build recorded, in bytes; null for unknown. */
  Long imageSize;

  CorpusProject(Path base, CorpusGround ground) throws IOException {
    this.base = base;
    this.ground = ground;
    Files.writeString(
        base.resolve("Dockerfile"), "FROM " + CorpusGround.env("CF_TEST_BUSYBOX_IMAGE") + "\n");
    worker.compatibilityDate = "2025-01-01";
    containers.add(container("MyContainer"));
    env.put(CfProperties.ENV_API_TOKEN, CorpusGround.TOKEN);
    env.put(CfProperties.ENV_ACCOUNT_ID, ground.cf.accountId());
    apiBaseUrl = ground.cf.apiBaseUrl().toString();
    registryCaFile = new File(CorpusGround.env("CF_TEST_REGISTRY_CA"));
  }

  /**
   * A container with a prebuilt image in the account's registry: deploy needs no engine before its
   * first write.
   */
  Container container(String className) {
    var c = new Container();
    c.className = className;
    c.image = accountImage(className.toLowerCase() + ":1");
    return c;
  }

  String accountImage(String nameAndTag) {
    return ground.registry + "/" + ground.cf.accountId() + "/" + nameAndTag;
  }

  Container first() {
    return containers.get(0);
  }

  <T extends AbstractCfMojo> T configure(T mojo) throws IOException {
    mojo.project = MojoTestSupport.project(base.toFile(), "jar");
    mojo.session = MojoTestSupport.session(user, new Properties(), offline);
    mojo.workerName = workerName;
    mojo.containers = containers;
    mojo.worker = worker;
    mojo.outputDirectory = base.resolve("target/cf-containers").toFile();
    if (mojo instanceof AbstractDeployMojo deploy) {
      deploy.apiBaseUrl = apiBaseUrl;
      deploy.accountId = accountId;
      deploy.apiToken = apiToken;
      deploy.serverId = "cloudflare";
      deploy.registry = ground.registry;
      deploy.registryCaFile = registryCaFile;
      deploy.environment = env::get;
    }
    writeBuildJson(mojo);
    return mojo;
  }

  /**
   * build.json as cf:build would have written it for this configuration (none for one it could not
   * resolve).
   */
  private void writeBuildJson(AbstractCfMojo mojo) throws IOException {
    Path out = mojo.outputDirectory.toPath();
    Files.createDirectories(out);
    if (buildJsonText != null) {
      Files.writeString(out.resolve(BuildReportFile.FILE_NAME), buildJsonText);
      return;
    }
    if (!writeBuildJson) {
      return;
    }
    var images = new ArrayList<BuildReport.Image>();
    try {
      for (var spec :
          new ContainerResolver(base).resolve(workerName, mojo.configuredContainers())) {
        boolean prebuilt = spec.source() instanceof PrebuiltImage;
        String tag = spec.tag().orElse("1");
        String image =
            prebuilt ? ((PrebuiltImage) spec.source()).reference() : spec.name() + ":" + tag;
        images.add(
            new BuildReport.Image(
                spec.name(),
                spec.className(),
                image,
                null,
                tag,
                imageSize,
                "linux/amd64",
                prebuilt,
                null));
      }
    } catch (InvalidSettingException | IllegalArgumentException e) {
      // The case fails before build.json is read.
    }
    var summary =
        bundle
            ? new BuildReport.WorkerBundleSummary(
                out.resolve("worker").toString(), "worker.js", "0", exports, null)
            : null;
    BuildReportFile.writeIfChanged(out, new BuildReport(workerName, false, summary, images));
  }
}
