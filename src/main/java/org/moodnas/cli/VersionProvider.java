package org.moodnas.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = MoodNas.class.getPackage().getImplementationVersion();
    return new String[] {"mood-nas " + (v == null ? "dev" : v)};
  }
}
