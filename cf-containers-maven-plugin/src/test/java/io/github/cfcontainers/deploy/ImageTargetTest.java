package io.github.cfcontainers.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cfcontainers.common.InvalidSettingException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageTargetTest {

  private static final String CF = "registry.cloudflare.com";
  private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
  private static final String OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";
  private static final String LABEL = "MyContainer (w-mycontainer)";

  private static ImageTarget prebuilt(String reference) {
    return ImageTarget.forPrebuilt(reference, CF, ACCOUNT, LABEL);
  }

  @Test
  void nameAndTagIsALocalImagePushedUnderTheAccount() {
    var target = prebuilt("myapp:1.2");

    assertThat(target.pushed()).isTrue();
    assertThat(target.localReference()).contains("myapp:1.2");
    assertThat(target.registry()).isEqualTo(CF);
    assertThat(target.repository()).isEqualTo(CF + "/" + ACCOUNT + "/myapp");
    assertThat(target.tag()).isEqualTo("1.2");
    assertThat(target.taggedReference()).isEqualTo(CF + "/" + ACCOUNT + "/myapp:1.2");
    assertThat(target.repositoryPath()).isEqualTo(ACCOUNT + "/myapp");
    assertThat(target.contentTagged()).isFalse();
  }

  @Test
  void missingTagMeansLatest() {
    var target = prebuilt("myapp");

    assertThat(target.localReference()).contains("myapp:latest");
    assertThat(target.tag()).isEqualTo("latest");
    assertThat(target.taggedReference()).isEqualTo(CF + "/" + ACCOUNT + "/myapp:latest");
  }

  @Test
  void localNameWithANamespaceButNoRegistryHostIsStillLocal() {
    var target = prebuilt("team/myapp:3");

    assertThat(target.localReference()).contains("team/myapp:3");
    assertThat(target.repository()).isEqualTo(CF + "/" + ACCOUNT + "/team/myapp");
  }

  @Test
  void cloudflareRegistryWithoutAccountGetsTheAccountInsertedAndIsNotPushed() {
    var target = prebuilt(CF + "/myapp:4");

    assertThat(target.pushed()).isFalse();
    assertThat(target.localReference()).isEmpty();
    assertThat(target.registry()).isEqualTo(CF);
    assertThat(target.taggedReference()).isEqualTo(CF + "/" + ACCOUNT + "/myapp:4");
    assertThat(target.repositoryPath()).isEqualTo(ACCOUNT + "/myapp");
  }

  @Test
  void cloudflareRegistryWithoutAccountOrTagGetsBoth() {
    assertThat(prebuilt(CF + "/myapp").taggedReference())
        .isEqualTo(CF + "/" + ACCOUNT + "/myapp:latest");
  }

  @Test
  void cloudflareRegistryWithTheSameAccountIsKept() {
    var target = prebuilt(CF + "/" + ACCOUNT + "/myapp:5");

    assertThat(target.pushed()).isFalse();
    assertThat(target.taggedReference()).isEqualTo(CF + "/" + ACCOUNT + "/myapp:5");
    assertThat(target.repositoryPath()).isEqualTo(ACCOUNT + "/myapp");
  }

  @Test
  void cloudflareRegistryWithAnotherAccountIsRefusedNamingTheImageSetting() {
    String reference = CF + "/" + OTHER_ACCOUNT + "/myapp:6";

    assertThatThrownBy(() -> prebuilt(reference))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.setting().path()).isEqualTo(List.of("containers", "container", "image"));
              assertThat(e.setting().container()).contains(LABEL);
              assertThat(e.getMessage())
                  .contains(reference)
                  .contains(OTHER_ACCOUNT)
                  .contains(ACCOUNT);
              assertThat(e.fix()).isNotBlank();
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "docker.io/library/nginx:1.27",
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:7",
        "europe-west1-docker.pkg.dev/my-project/my-repo/app:2024-01",
        "ghcr.io/acme/app:8",
        "registry.cloudflare.com.evil.example/app:9"
      })
  void otherRegistriesPassThroughUnchangedAndUnpushed(String reference) {
    var target = prebuilt(reference);

    assertThat(target.pushed()).isFalse();
    assertThat(target.taggedReference()).isEqualTo(reference);
    assertThat(target.registry()).isEqualTo(reference.substring(0, reference.indexOf('/')));
    assertThat(target.registry()).isNotEqualTo(CF);
  }

  @Test
  void externalReferenceWithoutTagGetsLatest() {
    assertThat(prebuilt("docker.io/library/nginx").taggedReference())
        .isEqualTo("docker.io/library/nginx:latest");
  }

  @Test
  void anExternalOtherAccountLookingPathIsNotRefused() {
    var target = prebuilt("ghcr.io/" + OTHER_ACCOUNT + "/app:1");

    assertThat(target.taggedReference()).isEqualTo("ghcr.io/" + OTHER_ACCOUNT + "/app:1");
  }

  @Test
  void registryWithAPortIsRecognisedAsTheRegistry() {
    String local = "127.0.0.1:5000";

    var inserted = ImageTarget.forPrebuilt(local + "/myapp:1", local, ACCOUNT, LABEL);
    assertThat(inserted.pushed()).isFalse();
    assertThat(inserted.registry()).isEqualTo(local);
    assertThat(inserted.taggedReference()).isEqualTo(local + "/" + ACCOUNT + "/myapp:1");
    assertThat(inserted.repositoryPath()).isEqualTo(ACCOUNT + "/myapp");

    var kept = ImageTarget.forPrebuilt(local + "/" + ACCOUNT + "/myapp", local, ACCOUNT, LABEL);
    assertThat(kept.taggedReference()).isEqualTo(local + "/" + ACCOUNT + "/myapp:latest");

    var pushedLocal = ImageTarget.forPrebuilt("myapp:2", local, ACCOUNT, LABEL);
    assertThat(pushedLocal.localReference()).contains("myapp:2");
    assertThat(pushedLocal.taggedReference()).isEqualTo(local + "/" + ACCOUNT + "/myapp:2");
  }

  @Test
  void anotherPortOnTheSameHostIsAnotherRegistry() {
    var target =
        ImageTarget.forPrebuilt("127.0.0.1:5001/myapp:1", "127.0.0.1:5000", ACCOUNT, LABEL);

    assertThat(target.pushed()).isFalse();
    assertThat(target.registry()).isEqualTo("127.0.0.1:5001");
    assertThat(target.taggedReference()).isEqualTo("127.0.0.1:5001/myapp:1");
  }

  @Test
  void localhostAsFirstSegmentIsAHost() {
    var target = prebuilt("localhost/myapp:1");

    assertThat(target.pushed()).isFalse();
    assertThat(target.registry()).isEqualTo("localhost");
  }

  private static final String DIGEST = "sha256:" + "e".repeat(64);

  @Test
  void cloudflareReferencePinnedByDigestLooksUpThatDigest() {
    var target = prebuilt(CF + "/" + ACCOUNT + "/myapp@" + DIGEST);

    assertThat(target.pushed()).isFalse();
    assertThat(target.repository()).isEqualTo(CF + "/" + ACCOUNT + "/myapp");
    assertThat(target.repositoryPath()).isEqualTo(ACCOUNT + "/myapp");
    assertThat(target.tag()).as("the manifest reference to look up").isEqualTo(DIGEST);
    assertThat(target.taggedReference()).isEqualTo(CF + "/" + ACCOUNT + "/myapp@" + DIGEST);
  }

  @Test
  void cloudflareReferenceWithoutAccountPinnedByDigestGetsTheAccountInserted() {
    var target = prebuilt(CF + "/myapp:1.0@" + DIGEST);

    assertThat(target.repository()).isEqualTo(CF + "/" + ACCOUNT + "/myapp");
    assertThat(target.taggedReference()).isEqualTo(CF + "/" + ACCOUNT + "/myapp@" + DIGEST);
  }

  @Test
  void externalReferencePinnedByDigestPassesThrough() {
    var target = prebuilt("docker.io/library/nginx@" + DIGEST);

    assertThat(target.pushed()).isFalse();
    assertThat(target.repository()).isEqualTo("docker.io/library/nginx");
    assertThat(target.taggedReference()).isEqualTo("docker.io/library/nginx@" + DIGEST);
  }

  @Test
  void localImageByDigestIsRefusedBecauseAPushNeedsATag() {
    assertThatThrownBy(() -> prebuilt("myapp@" + DIGEST))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.setting().path()).isEqualTo(List.of("containers", "container", "image"));
              assertThat(e.getMessage()).contains("myapp@" + DIGEST);
            });
  }

  @Test
  void builtImageIsPushedUnderTheAccountWithItsName() {
    var target =
        ImageTarget.forBuilt("w-mycontainer:3f2a9c", CF, ACCOUNT, "w-mycontainer", "3f2a9c", true);

    assertThat(target.localReference()).isEqualTo(Optional.of("w-mycontainer:3f2a9c"));
    assertThat(target.pushed()).isTrue();
    assertThat(target.taggedReference()).isEqualTo(CF + "/" + ACCOUNT + "/w-mycontainer:3f2a9c");
    assertThat(target.repositoryPath()).isEqualTo(ACCOUNT + "/w-mycontainer");
    assertThat(target.contentTagged()).isTrue();
    assertThat(
            ImageTarget.forBuilt("w-mycontainer:1.0", CF, ACCOUNT, "w-mycontainer", "1.0", false)
                .contentTagged())
        .isFalse();
  }
}
