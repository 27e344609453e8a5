package io.github.cfcontainers.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Setting;
import org.junit.jupiter.api.Test;

class SettingMessagesTest {

  @Test
  void namesTheXmlElementTheContainerAndTheProperty() {
    assertThat(SettingMessages.element(Setting.ofContainer("A (w-a)", "build", "dockerfile")))
        .isEqualTo("<containers><container><build><dockerfile> of container A (w-a)");
    assertThat(SettingMessages.element(Setting.of("workerName").withProperty("cf.workerName")))
        .isEqualTo("<workerName>, or -Dcf.workerName");
  }

  @Test
  void describeHasProblemSettingAndFix() {
    var e =
        new InvalidSettingException(
            Setting.of("workerName").withProperty("cf.workerName"), "Bad name.", "rename");
    assertThat(SettingMessages.describe(e))
        .isEqualTo(
            "Invalid plugin configuration: Bad name.\n  Setting: <workerName>, or -Dcf.workerName\n  Fix: rename");
  }
}
