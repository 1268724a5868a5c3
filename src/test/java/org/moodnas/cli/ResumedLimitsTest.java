package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed search keeps its recorded limits; only options given on its command line change one.
 */
class ResumedLimitsTest {

  @Test
  void aResumeKeepsTheRecordedLimitsUnlessAnOptionChangesOne(@TempDir Path dir) {
    String wh = dir.toUri().toString();
    CliRun cut =
        CliRun.of("search", "--simulate", "--warehouse", wh, "--run-id", "r", "--max-trials", "2");
    assertThat(cut.code()).as(cut.err()).isZero();
    assertThat(trials(wh)).isEqualTo(2);

    // no --max-trials: the recorded 2, not the option's default (no limit)
    CliRun resumed = CliRun.of("search", "--resume", "r", "--warehouse", wh);
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(trials(wh)).isEqualTo(2);
    assertThat(resumed.err()).doesNotContain("recorded, ");
    assertThat(status(wh)).isEqualTo("stopped");

    // given on the command line: used, and said in one line each
    CliRun more =
        CliRun.of(
            "search",
            "--resume",
            "r",
            "--warehouse",
            wh,
            "--max-trials",
            "5",
            "--parallelism",
            "2",
            "--epochs",
            "3");
    assertThat(more.code()).as(more.err()).isZero();
    assertThat(more.err().lines())
        .contains(
            "--max-trials: 2 recorded, 5 given: using 5",
            "--parallelism: 1 recorded, 2 given: using 2")
        .anyMatch(
            l -> l.startsWith("--epochs: ignored: a resumed run's trials are set as recorded"));
    assertThat(trials(wh)).isEqualTo(5);

    // the changed limit is the run's now: a later resume keeps it
    CliRun again = CliRun.of("search", "--resume", "r", "--warehouse", wh);
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(trials(wh)).isEqualTo(5);
    assertThat(again.err()).doesNotContain("recorded, ");
  }

  private static String status(String wh) {
    CliRun r =
        CliRun.of(
            "sql",
            "SELECT status FROM runs WHERE run_id = 'r'",
            "--warehouse",
            wh,
            "--format",
            "csv");
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().lines().skip(1).findFirst().orElseThrow();
  }

  private static long trials(String wh) {
    CliRun n =
        CliRun.of(
            "sql",
            "SELECT count(*) AS n FROM search_trials WHERE run_id = 'r'",
            "--warehouse",
            wh,
            "--format",
            "csv");
    assertThat(n.code()).as(n.err()).isZero();
    return Long.parseLong(n.out().lines().skip(1).findFirst().orElseThrow());
  }
}
