package org.moodnas.core;

/**
 * A setting has a value it cannot take. {@link #setting()} is the name of the record component that
 * holds it (e.g. {@code batchSize}), so the command line can name its own flag for it and lower
 * layers never spell flags.
 */
public class InvalidSettingException extends IllegalArgumentException {

  private final String setting;
  private final String problem;

  /** {@code problem} completes a sentence about the setting: "must be ≥ 1, got 0". */
  public InvalidSettingException(String setting, String problem) {
    super(setting + " " + problem);
    this.setting = setting;
    this.problem = problem;
  }

  public String setting() {
    return setting;
  }

  public String problem() {
    return problem;
  }

  /** Throws unless {@code ok}. */
  public static void require(boolean ok, String setting, String problem) {
    if (!ok) {
      throw new InvalidSettingException(setting, problem);
    }
  }
}
