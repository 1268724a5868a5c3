package org.moodnas.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/chaos at a size the suite affords: a run's driver killed with SIGKILL at a random moment and
 * resumed by the same command line. The script checks the tables (every trial index once, no gap,
 * every run done, every table readable) and exits 1 otherwise; `jobs/chaos` with its defaults (21
 * kills over 3 runs, 4 sweeps at once, 2 of them started twice) gives the figures. Sweeps at once
 * and duplicate starts in one JVM: ConcurrentSweepsTest.
 */
class ChaosIT {

  private static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void aKilledDriverIsResumedWithEveryTrialRecordedOnce() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                "bash",
                ROOT.resolve("jobs/chaos").toString(),
                "--kills",
                "1",
                "--runs",
                "1",
                "--concurrent",
                "0",
                "--duplicates",
                "0",
                "--delta",
                "0.3",
                "--seed",
                "11",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chaos.log").toFile());
    pb.environment().put("MOOD_NAS_JAVA_OPTS", StandaloneCluster.QUICK_JVM);
    Process p = pb.start();
    assertThat(p.waitFor(15, TimeUnit.MINUTES)).as("jobs/chaos ends").isTrue();
    String log = Files.readString(dir.resolve("chaos.log"));
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log)
        .contains("kills survived: 1 (")
        .contains("trials lost: 0, duplicates: 0, runs not done: 0")
        .contains("all invariants hold");
    // the run was resumed after the kill by the same command line, which ran it to the end
    assertThat(Files.readString(dir.resolve("ends"))).isEqualTo("chaos-0 exit 0\n");
    assertThat(Files.readString(dir.resolve("kills")).lines()).hasSize(1);
    // through the launcher, a whole sweep prints none of Spark's known-harmless warnings (the
    // bundled conf/log4j2.properties drops them), so that a new one is looked at
    assertThat(Files.readString(dir.resolve("chaos-0.2.err")).lines())
        .noneMatch(l -> l.contains(" WARN "));
  }
}
