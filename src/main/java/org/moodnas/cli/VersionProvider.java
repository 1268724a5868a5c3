package org.moodnas.cli;

import org.moodnas.core.CodeVersion;
import picocli.CommandLine;

/** The project version the code was built as (the same runs record as code_version). */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"mood-nas " + CodeVersion.current()};
  }
}
