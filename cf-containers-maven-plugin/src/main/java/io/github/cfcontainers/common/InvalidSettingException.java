package io.github.cfcontainers.common;

/** A setting the user must change; raised before anything is built or changed remotely. */
public class InvalidSettingException extends CfException {

  private final transient Setting setting;
  private final String fix;

  public InvalidSettingException(Setting setting, String problem, String fix) {
    super(problem);
    this.setting = setting;
    this.fix = fix;
  }

  public Setting setting() {
    return setting;
  }

  /** What to do about it, e.g. "use lower-case letters, digits and dashes". */
  public String fix() {
    return fix;
  }
}
