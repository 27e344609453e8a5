package io.github.cfcontainers.config;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Setting;
import java.util.regex.Pattern;

/** Docker image reference grammar (distribution/reference), enough to reject typos early. */
public final class ImageReferences {

  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String DOMAIN =
      "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)"
          + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?:"
              + DOMAIN
              + "/)?"
              + COMPONENT
              + "(?:/"
              + COMPONENT
              + ")*"
              + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
              + "(?:@sha256:[a-f0-9]{64})?");

  private ImageReferences() {}

  public static boolean isValid(String reference) {
    return REFERENCE.matcher(reference).matches();
  }

  static void check(String reference, Setting setting) {
    if (!isValid(reference)) {
      throw new InvalidSettingException(
          setting,
          "'" + reference + "' is not a valid image reference.",
          "write it as [registry/]repository[:tag][@sha256:digest], lower-case repository");
    }
  }
}
