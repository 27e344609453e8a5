package io.github.cfcontainers.maven;

import static io.github.cfcontainers.maven.MojoTestSupport.get;
import static io.github.cfcontainers.maven.MojoTestSupport.properties;
import static io.github.cfcontainers.maven.MojoTestSupport.session;
import static io.github.cfcontainers.maven.MojoTestSupport.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.PropertyNames;
import io.github.cfcontainers.maven.MojoTestSupport.DescriptorParameter;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * -D beats the POM, for every cf.* parameter of every goal (read from plugin.xml, so none is
 * forgotten).
 */
class CommandLineOverridesTest {

  @TempDir Path base;

  static List<DescriptorParameter> cfParameters() throws Exception {
    return MojoTestSupport.cfParameters();
  }

  @Test
  void theDescriptorHasTheDocumentedProperties() throws Exception {
    var properties = cfParameters().stream().map(DescriptorParameter::property).distinct().toList();
    assertThat(properties)
        .contains(
            PropertyNames.SKIP,
            PropertyNames.BUILD_SKIP,
            PropertyNames.DEPLOY_SKIP,
            PropertyNames.WORKER_NAME,
            PropertyNames.DEV,
            PropertyNames.DEV_REMOTE,
            PropertyNames.VERBOSE,
            PropertyNames.OUTPUT_DIRECTORY,
            PropertyNames.ACCOUNT_ID,
            PropertyNames.SERVER_ID,
            PropertyNames.API_BASE_URL,
            PropertyNames.REGISTRY,
            PropertyNames.WAIT,
            PropertyNames.DRY_RUN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cfParameters")
  void everyPropertyIsRegisteredForItsField(DescriptorParameter parameter) {
    assertThat(CfProperties.FIELDS)
        .as("CfProperties.FIELDS entry of -D" + parameter.property())
        .containsEntry(parameter.property(), parameter.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cfParameters")
  void commandLineValueBeatsThePomValue(DescriptorParameter parameter) throws Exception {
    Object mojo = Class.forName(parameter.implementation()).getDeclaredConstructor().newInstance();
    switch (parameter.type()) {
      case "boolean" -> {
        set(mojo, parameter.name(), true);
        overrides(properties(parameter.property(), "false")).apply(mojo, base.toFile());
        assertThat(get(mojo, parameter.name())).isEqualTo(false);
        set(mojo, parameter.name(), false);
        overrides(properties(parameter.property(), "true")).apply(mojo, base.toFile());
        assertThat(get(mojo, parameter.name())).isEqualTo(true);
      }
      case "java.lang.String" -> {
        set(mojo, parameter.name(), "from-pom");
        overrides(properties(parameter.property(), "from-command-line")).apply(mojo, base.toFile());
        assertThat(get(mojo, parameter.name())).isEqualTo("from-command-line");
      }
      case "java.io.File" -> {
        set(mojo, parameter.name(), new File("/from/pom"));
        overrides(properties(parameter.property(), "target/from-command-line"))
            .apply(mojo, base.toFile());
        assertThat(get(mojo, parameter.name()))
            .isEqualTo(base.resolve("target/from-command-line").toFile());
      }
      default ->
          throw new AssertionError("no test for a " + parameter.type() + " parameter: add one");
    }
  }

  @Test
  void workerNameFromTheCommandLineBeatsTheElement() {
    var mojo = new BuildMojo();
    mojo.workerName = "orders";
    var applied =
        CommandLineOverrides.of(
                session(
                    properties(PropertyNames.WORKER_NAME, "orders-staging"),
                    new Properties(),
                    false))
            .apply(mojo, base.toFile());
    assertThat(mojo.workerName).isEqualTo("orders-staging");
    assertThat(applied).containsExactly("-Dcf.workerName=orders-staging (beats <workerName>)");
  }

  @Test
  void userPropertiesBeatSystemPropertiesWhichBeatThePom() {
    var mojo = new BuildMojo();
    mojo.workerName = "orders";
    CommandLineOverrides.of(
            session(
                properties(PropertyNames.WORKER_NAME, "from-d"),
                properties(PropertyNames.WORKER_NAME, "from-maven-opts"),
                false))
        .apply(mojo, base.toFile());
    assertThat(mojo.workerName).isEqualTo("from-d");

    CommandLineOverrides.of(
            session(
                new Properties(), properties(PropertyNames.WORKER_NAME, "from-maven-opts"), false))
        .apply(mojo, base.toFile());
    assertThat(mojo.workerName).isEqualTo("from-maven-opts");
  }

  @Test
  void withoutCommandLineValuesThePomStays() {
    var mojo = new DeployMojo();
    mojo.workerName = "orders";
    mojo.registry = "registry.example.com";
    CommandLineOverrides.of(
            session(properties(PropertyNames.REGISTRY, "  "), new Properties(), false))
        .apply(mojo, base.toFile());
    assertThat(mojo.workerName).isEqualTo("orders");
    assertThat(mojo.registry).as("a blank -D counts as absent").isEqualTo("registry.example.com");
  }

  @Test
  void aFlagThatIsNeitherTrueNorFalseNamesTheElementAndTheProperty() {
    var mojo = new DeployMojo();
    assertThatThrownBy(
            () -> overrides(properties(PropertyNames.DRY_RUN, "yes")).apply(mojo, base.toFile()))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e ->
                assertThat(SettingMessages.describe(e))
                    .contains("-Dcf.dryRun=yes is neither true nor false")
                    .contains("Setting: <dryRun>, or -Dcf.dryRun")
                    .contains("Fix: pass -Dcf.dryRun=true or -Dcf.dryRun=false"));
  }

  @Test
  void executeAppliesTheCommandLineBeforeTheSkipCheck() {
    // <skip>true</skip> in the POM, -Dcf.skip=false: the goal runs (and stops at the offline
    // check).
    var mojo = new PlanMojo();
    mojo.project = MojoTestSupport.project(base.toFile(), "jar");
    mojo.session = session(properties(PropertyNames.SKIP, "false"), new Properties(), true);
    mojo.skip = true;
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("Maven is offline");

    // The other way round: the POM says run, -Dcf.skip=true skips before anything is read.
    var skipped = new PlanMojo();
    skipped.project = MojoTestSupport.project(base.toFile(), "jar");
    skipped.session = session(properties(PropertyNames.SKIP, "true"), new Properties(), true);
    skipped.skip = false;
    org.assertj.core.api.Assertions.assertThatCode(skipped::execute).doesNotThrowAnyException();
  }

  @Test
  void theDeploySkipAndDevModeFlagsWorkBothWays() {
    // <skipDeploy>true</skipDeploy> in the POM, -Dcf.deploy.skip=false: the goal runs (stops at the
    // offline check).
    var deploy = deployMojo(properties(PropertyNames.DEPLOY_SKIP, "false"));
    set(deploy, "skipDeploy", true);
    assertThatThrownBy(deploy::execute).hasMessageContaining("Maven is offline");

    var skipped = deployMojo(properties(PropertyNames.DEPLOY_SKIP, "true"));
    org.assertj.core.api.Assertions.assertThatCode(skipped::execute).doesNotThrowAnyException();

    // -Dcf.dev=true: dev mode deploys nothing, so even offline nothing fails; -Dcf.dev.remote=true
    // deploys.
    var dev = deployMojo(properties(PropertyNames.DEV, "true"));
    org.assertj.core.api.Assertions.assertThatCode(dev::execute).doesNotThrowAnyException();
    var devRemote =
        deployMojo(properties(PropertyNames.DEV, "true", PropertyNames.DEV_REMOTE, "true"));
    assertThatThrownBy(devRemote::execute).hasMessageContaining("Maven is offline");
  }

  private DeployMojo deployMojo(Properties user) {
    var mojo = new DeployMojo();
    mojo.project = MojoTestSupport.project(base.toFile(), "jar");
    mojo.session = session(user, new Properties(), true);
    return mojo;
  }

  @Test
  void aBadFlagFailsTheGoalWithTheSettingMessage() {
    var mojo = new BuildMojo();
    mojo.project = MojoTestSupport.project(base.toFile(), "jar");
    mojo.session = session(properties(PropertyNames.BUILD_SKIP, "maybe"), new Properties(), true);
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("Setting: <skipBuild>, or -Dcf.build.skip");
  }

  private static CommandLineOverrides overrides(Properties user) {
    return CommandLineOverrides.of(session(user, new Properties(), false));
  }
}
