package org.moodnas.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version this code was built as (runs.code_version, --version). */
public final class CodeVersion {

  private static final String VERSION = load();

  private CodeVersion() {}

  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in =
        CodeVersion.class.getResourceAsStream("/org/moodnas/version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
