package io.github.cfcontainers.config;

import io.github.cfcontainers.common.InvalidSettingException;
import io.github.cfcontainers.common.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the numeric elements of one {@code <container>}, naming the element and the fix on a typo.
 */
public record WrittenNumbers(String container) {

  public Integer whole(String text, String... path) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw notANumber(text, "a whole number", "20", path);
    }
  }

  public Double decimal(String text, String... path) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Double.valueOf(text.trim());
    } catch (NumberFormatException e) {
      throw notANumber(text, "a number", "0.5", path);
    }
  }

  /** A list such as {@code <tiers><tier>1</tier></tiers>}: the path ends with the item element. */
  public List<Integer> wholeList(List<String> texts, String... path) {
    if (texts == null) {
      return null;
    }
    var values = new ArrayList<Integer>();
    for (String text : texts) {
      values.add(whole(text, path));
    }
    return values;
  }

  private InvalidSettingException notANumber(
      String text, String kind, String example, String... path) {
    String element = path[path.length - 1];
    return new InvalidSettingException(
        Setting.ofContainer(container, path),
        "<"
            + element
            + "> of container "
            + container
            + " is '"
            + text.trim()
            + "', not "
            + kind
            + ".",
        "write " + kind + ", e.g. <" + element + ">" + example + "</" + element + ">");
  }
}
