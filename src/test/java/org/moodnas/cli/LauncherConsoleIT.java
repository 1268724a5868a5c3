package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reaches the console of a normal command run by the launcher: its output and nothing else; no
 * JVM warning (the incubating Vector API is not loaded) and, when the launcher builds first, only
 * its one "building" line (a quiet Maven build writes no colour codes).
 */
class LauncherConsoleIT {

  @Test
  void aNormalCommandPrintsItsOutputOnly(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    Process p =
        new ProcessBuilder(
                Path.of("jobs/mood-nas").toAbsolutePath().toString(), "genotypes", "list")
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the command ends").isTrue();
    String stdout = Files.readString(out);
    String stderr = Files.readString(err);
    assertThat(p.exitValue()).as(stderr).isZero();
    assertThat(stdout).startsWith("NAME ").contains("DARTS_V2").doesNotContain("\u001b");
    // nothing on stderr but, on a first run, the launcher's own line before it builds
    assertThat(stderr.lines().filter(l -> !l.equals("mood-nas: building (mvn package) …")))
        .as(stderr)
        .isEmpty();
  }
}
