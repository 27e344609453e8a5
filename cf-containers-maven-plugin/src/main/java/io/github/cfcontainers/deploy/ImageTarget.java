package io.github.cfcontainers.deploy;

import io.github.cfcontainers.cloudflare.CloudflareClientConfig;
import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Setting;
import java.util.Optional;

/**
 * Where a container's image goes and what the application references.
 *
 * @param localReference the image in the local engine to push, or empty when nothing is pushed
 * @param repository {@code <registry>/<account>/<name>} (or the external reference's repository)
 * @param tag the tag to push under, or the digest ({@code sha256:...}) of a prebuilt reference
 *     pinned by digest
 * @param contentTagged the tag was derived from the image content, so equal tags mean equal images
 */
public record ImageTarget(
    Optional<String> localReference,
    String registry,
    String repository,
    String tag,
    boolean contentTagged) {

  public String taggedReference() {
    return repository + (tag.startsWith("sha256:") ? "@" : ":") + tag;
  }

  /** The repository path inside the registry ({@code <account>/<name>}). */
  public String repositoryPath() {
    return repository.substring(registry.length() + 1);
  }

  public boolean pushed() {
    return localReference.isPresent();
  }

  /** A built image: pushed to {@code <registry>/<account>/<name>:<tag>}. */
  public static ImageTarget forBuilt(
      String localReference,
      String registry,
      String account,
      String name,
      String tag,
      boolean contentTagged) {
    return new ImageTarget(
        Optional.of(localReference),
        registry,
        registry + "/" + account + "/" + name,
        tag,
        contentTagged);
  }

  /**
   * A prebuilt reference, resolved as Cloudflare's tools do: {@code name:tag} is a local image
   * pushed under the account; {@code <registry>/name:tag} gets the account inserted; another
   * account is refused; other registries pass through untouched.
   */
  public static ImageTarget forPrebuilt(
      String reference, String registry, String account, String label) {
    int at = reference.indexOf('@');
    String digest = at < 0 ? null : reference.substring(at + 1);
    String named = at < 0 ? reference : reference.substring(0, at);
    int slash = named.indexOf('/');
    String first = slash < 0 ? "" : named.substring(0, slash);
    boolean hasHost = first.contains(".") || first.contains(":") || first.equals("localhost");
    String nameAndTag = hasHost ? named.substring(slash + 1) : named;
    int colon = nameAndTag.lastIndexOf(':');
    String path = colon < 0 ? nameAndTag : nameAndTag.substring(0, colon);
    // A digest pins the image: it is what the registry is asked for and what the application
    // references.
    String tag = digest != null ? digest : colon < 0 ? "latest" : nameAndTag.substring(colon + 1);
    if (!hasHost && digest != null) {
      throw new InvalidSettingException(
          Setting.ofContainer(label, "image"),
          "The local image " + reference + " is named by digest, but a push needs a tag.",
          "write it as name:tag, or reference the image in its registry");
    }
    if (!hasHost) {
      return new ImageTarget(
          Optional.of(path + ":" + tag),
          registry,
          registry + "/" + account + "/" + path,
          tag,
          false);
    }
    if (!first.equals(registry)) {
      return new ImageTarget(Optional.empty(), first, first + "/" + path, tag, false);
    }
    String[] parts = path.split("/", 2);
    if (parts.length == 2 && CloudflareClientConfig.isAccountId(parts[0])) {
      if (!parts[0].equals(account)) {
        throw new InvalidSettingException(
            Setting.ofContainer(label, "image"),
            "The image "
                + reference
                + " belongs to the account "
                + parts[0]
                + ", not "
                + account
                + ".",
            "use an image of this account, or deploy with that account's id");
      }
      return new ImageTarget(Optional.empty(), registry, registry + "/" + path, tag, false);
    }
    return new ImageTarget(
        Optional.empty(), registry, registry + "/" + account + "/" + path, tag, false);
  }
}
