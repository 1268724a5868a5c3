package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a sweep's driver (what YARN, Kubernetes and Airflow send first), through the launcher
 * as a scheduler runs it: the running trials pause, the run is recorded stopped with its lease
 * released, and --resume runs the paused trials again under their indices; a train run's paused
 * evaluation is trained again. Process.destroy sends SIGTERM on Linux.
 */
class PreemptionIT {

  private static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void sigtermPausesRunningTrialsAndResumeRunsThemAgainUnderTheirIndices() throws Exception {
    String wh = dir.resolve("wh").toString();
    int grace = 120;
    Path err = dir.resolve("sweep.err");
    Process p = sweep(wh, "pre", err, "--grace-seconds", String.valueOf(grace));
    LaunchedDriver.awaitLines(p, err, LaunchedDriver::isStartLine, 2);
    Thread.sleep(1000); // a second into trials of 8 s
    long signalled = System.nanoTime();
    p.destroy();
    assertThat(p.waitFor(grace + 10, TimeUnit.SECONDS)).as("the driver exits").isTrue();
    double seconds = (System.nanoTime() - signalled) / 1e9;
    String log = Files.readString(err);
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(seconds).as(log).isLessThan(grace);
    assertThat(log.lines().filter(l -> l.contains("SIGTERM")))
        .containsExactly(
            "mood-nas: SIGTERM: stopping run pre, running trials checkpoint and pause (up to 120"
                + " s; a second SIGTERM exits at once)");
    assertThat(log)
        .contains("run pre stopped: 2 trial(s) paused")
        .contains("run pre paused: continue it with --resume pre")
        .doesNotContain(" done: ")
        .doesNotContain(" WARN ");
    assertThat(LaunchedDriver.leaseFiles(wh, "pre")).as("the lease is released").isEmpty();
    assertThat(LaunchedDriver.sql(wh, "SELECT status FROM runs WHERE run_id = 'pre'"))
        .containsExactly("stopped");
    // paused trials are recorded neither failed nor done
    assertThat(LaunchedDriver.sql(wh, "SELECT count(*) FROM search_trials")).containsExactly("0");

    CliRun resumed =
        CliRun.of(
            "search",
            "--simulate",
            "--parallelism",
            "2",
            "--master",
            "local[2]",
            "--warehouse",
            wh,
            "--resume",
            "pre");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(LaunchedDriver.sql(wh, "SELECT status FROM runs WHERE run_id = 'pre'"))
        .containsExactly("done");
    String[] counts = trialCounts(wh, "pre");
    assertThat(counts[0]).as("every trial once, no gap").isEqualTo(counts[1]).isEqualTo(counts[2]);
    assertThat(counts[3])
        .as("none failed (a speculative one may be cancelled)")
        .isEqualTo(counts[0]);
    // the two paused trials ran again under their indices with their weights
    assertThat(
            LaunchedDriver.sql(
                wh,
                "SELECT reg_weight FROM search_trials WHERE trial_index < 2 ORDER BY trial_index"))
        .containsExactly("0.2", "0.0");
  }

  /**
   * A run's trials: rows, distinct indices, highest index + 1, and those that did not fail (ok, or
   * speculative and cancelled as the front stopped needing them).
   */
  private static String[] trialCounts(String wh, String runId) {
    return LaunchedDriver.sql(
            wh,
            "SELECT count(*), count(DISTINCT trial_index), max(trial_index) + 1,"
                + " count_if(status = 'ok' OR (status = 'cancelled' AND speculative))"
                + " FROM search_trials WHERE run_id = '"
                + runId
                + "'")
        .get(0)
        .split(",");
  }

  @Test
  void aSecondSigtermExitsAtOnceWithTheRunStoppedAndItsLeaseReleased() throws Exception {
    String wh = dir.resolve("wh").toString();
    Path err = dir.resolve("sweep.err");
    Process p = sweep(wh, "twice", err, "--grace-seconds", "300");
    LaunchedDriver.awaitLines(p, err, LaunchedDriver::isStartLine, 2);
    p.destroy();
    Thread.sleep(300);
    p.destroy();
    // at once: the 5 s it may spend releasing the lease and recording the run, and the JVM's exit
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the driver exits").isTrue();
    String log = Files.readString(err);
    assertThat(log)
        .contains("mood-nas: SIGTERM: stopping run twice")
        .contains("mood-nas: second SIGTERM: exiting now (run twice: ")
        .doesNotContain(" done: ");
    // simulated trials pause within 0.1 s: the second SIGTERM may come while the command records
    // the pause, which it then waits for (exit 0), or before (143: the forced end records it);
    // LongStepPreemptionIT has the second SIGTERM inside a step, always 143
    if (p.exitValue() == 0) {
      assertThat(log).as(log).contains("run twice stopped: 2 trial(s) paused");
    } else {
      assertThat(p.exitValue()).as(log).isEqualTo(143);
    }
    assertThat(LaunchedDriver.leaseFiles(wh, "twice")).as("the lease is released").isEmpty();
    assertThat(LaunchedDriver.sql(wh, "SELECT count(*) FROM search_trials")).containsExactly("0");
    // recorded stopped when its commit fits in the 5 s, else lost: both resume the same way
    assertThat(LaunchedDriver.sql(wh, "SELECT status FROM runs WHERE run_id = 'twice'"))
        .containsAnyOf("stopped", "lost");
  }

  @Test
  void sigtermPausesATrainRunAndResumeTrainsThePausedGenotypeAgain() throws Exception {
    String wh = dir.resolve("wh").toString();
    Path err = dir.resolve("train.err");
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("jobs/mood-nas").toString()));
    cmd.addAll(
        List.of(
            TinyTrainedRuns.tiny(
                "train",
                "--archs",
                "DARTS_V2",
                "PC_DARTS_cifar",
                "--warehouse",
                wh,
                "--run-id",
                "tr",
                "--grace-seconds",
                "300")));
    Process p = LaunchedDriver.launch(cmd, err, dir.resolve("tr.out"));
    LaunchedDriver.awaitLines(p, err, LaunchedDriver::isStartLine, 2);
    p.destroy();
    assertThat(p.waitFor(310, TimeUnit.SECONDS)).as("the driver exits").isTrue();
    String log = Files.readString(err);
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log)
        .contains("mood-nas: SIGTERM: stopping run tr, running evaluations checkpoint and pause")
        .contains("run tr stopped: 2 evaluation(s) paused")
        .doesNotContain(" done: ")
        .doesNotContain(" WARN ");
    assertThat(LaunchedDriver.leaseFiles(wh, "tr")).as("the lease is released").isEmpty();
    assertThat(LaunchedDriver.sql(wh, "SELECT status FROM runs WHERE run_id = 'tr'"))
        .containsExactly("stopped");
    assertThat(LaunchedDriver.sql(wh, "SELECT count(*) FROM eval_trials")).containsExactly("0");

    CliRun resumed =
        CliRun.of("train", "--resume", "tr", "--warehouse", wh, "--master", "local[2]");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(LaunchedDriver.sql(wh, "SELECT arch, status FROM eval_trials ORDER BY arch"))
        .containsExactly("DARTS_V2,ok", "PC_DARTS_cifar,ok");
    assertThat(LaunchedDriver.sql(wh, "SELECT status FROM runs WHERE run_id = 'tr'"))
        .containsExactly("done");
  }

  /** A sweep of simulated 8 s trials, two at a time, through the launcher. */
  private Process sweep(String wh, String id, Path err, String... more) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                ROOT.resolve("jobs/mood-nas").toString(),
                "search",
                "--simulate",
                "--simulate-seconds",
                "8",
                "--parallelism",
                "2",
                "--master",
                "local[2]",
                "--delta",
                "0.3",
                "--warehouse",
                wh,
                "--run-id",
                id));
    cmd.addAll(List.of(more));
    return LaunchedDriver.launch(cmd, err, dir.resolve(id + ".out"));
  }
}
