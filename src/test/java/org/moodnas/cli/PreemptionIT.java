package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
  private static final Duration STARTING = Duration.ofMinutes(5);

  @TempDir Path dir;

  @Test
  void sigtermPausesRunningTrialsAndResumeRunsThemAgainUnderTheirIndices() throws Exception {
    String wh = dir.resolve("wh").toString();
    int grace = 120;
    Path err = dir.resolve("sweep.err");
    Process p = sweep(wh, "pre", err, "--grace-seconds", String.valueOf(grace));
    awaitStarted(p, err, 2);
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
    assertThat(leaseFiles(wh, "pre")).as("the lease is released").isEmpty();
    assertThat(sql(wh, "SELECT status FROM runs WHERE run_id = 'pre'")).containsExactly("stopped");
    // paused trials are recorded neither failed nor done
    assertThat(sql(wh, "SELECT count(*) FROM search_trials")).containsExactly("0");

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
    assertThat(sql(wh, "SELECT status FROM runs WHERE run_id = 'pre'")).containsExactly("done");
    List<String> trials =
        sql(
            wh,
            "SELECT count(*), count(DISTINCT trial_index), max(trial_index) + 1,"
                + " count_if(status = 'ok') FROM search_trials WHERE run_id = 'pre'");
    String[] counts = trials.get(0).split(",");
    assertThat(counts[0]).as("every trial once, no gap").isEqualTo(counts[1]).isEqualTo(counts[2]);
    assertThat(counts[3]).isEqualTo(counts[0]);
    // the two paused trials ran again under their indices with their weights
    assertThat(
            sql(
                wh,
                "SELECT reg_weight FROM search_trials WHERE trial_index < 2 ORDER BY trial_index"))
        .containsExactly("0.2", "0.0");
  }

  @Test
  void aSecondSigtermExitsAtOnceWithTheRunStoppedAndItsLeaseReleased() throws Exception {
    String wh = dir.resolve("wh").toString();
    Path err = dir.resolve("sweep.err");
    Process p = sweep(wh, "twice", err, "--grace-seconds", "300");
    awaitStarted(p, err, 2);
    p.destroy();
    Thread.sleep(300);
    p.destroy();
    // at once: the 5 s it may spend releasing the lease and recording the run, and the JVM's exit
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the driver exits").isTrue();
    String log = Files.readString(err);
    assertThat(p.exitValue()).as(log).isEqualTo(143);
    assertThat(log)
        .contains("mood-nas: SIGTERM: stopping run twice")
        .contains("mood-nas: second SIGTERM: exiting now (run twice: recording it stopped)")
        .doesNotContain(" done: ");
    assertThat(leaseFiles(wh, "twice")).as("the lease is released").isEmpty();
    assertThat(sql(wh, "SELECT count(*) FROM search_trials")).containsExactly("0");
    // recorded stopped when its commit fits in the 5 s, else lost: both resume the same way
    assertThat(sql(wh, "SELECT status FROM runs WHERE run_id = 'twice'"))
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
    Process p = launch(cmd, err, "tr");
    awaitStarted(p, err, 2);
    p.destroy();
    assertThat(p.waitFor(310, TimeUnit.SECONDS)).as("the driver exits").isTrue();
    String log = Files.readString(err);
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log)
        .contains("mood-nas: SIGTERM: stopping run tr, running evaluations checkpoint and pause")
        .contains("run tr stopped: 2 evaluation(s) paused")
        .doesNotContain(" done: ")
        .doesNotContain(" WARN ");
    assertThat(leaseFiles(wh, "tr")).as("the lease is released").isEmpty();
    assertThat(sql(wh, "SELECT status FROM runs WHERE run_id = 'tr'")).containsExactly("stopped");
    assertThat(sql(wh, "SELECT count(*) FROM eval_trials")).containsExactly("0");

    CliRun resumed =
        CliRun.of("train", "--resume", "tr", "--warehouse", wh, "--master", "local[2]");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(sql(wh, "SELECT arch, status FROM eval_trials ORDER BY arch"))
        .containsExactly("DARTS_V2,ok", "PC_DARTS_cifar,ok");
    assertThat(sql(wh, "SELECT status FROM runs WHERE run_id = 'tr'")).containsExactly("done");
  }

  @Test
  void aStepLongerThanTheGraceStillEndsTheRunStoppedAndResumeContinuesFromTheLastState()
      throws Exception {
    String wh = dir.resolve("wh").toString();
    Path err = dir.resolve("long.err");
    int grace = 10;
    // the published network on 192 images a step: seconds a step here, more than the grace leaves
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("jobs/mood-nas").toString()));
    cmd.addAll(List.of(TinyTrainedRuns.tiny("train", longSteps(wh, "--grace-seconds", "10"))));
    Process p = launch(cmd, err, "long");
    awaitStepShown(p, err);
    long signalled = System.nanoTime();
    p.destroy();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the driver exits").isTrue();
    double seconds = (System.nanoTime() - signalled) / 1e9;
    String log = Files.readString(err);
    // the grace, then at most 5 s waiting for the run's record, and the JVM's halt
    assertThat(seconds).as(log).isLessThan(grace + 5 + 3);
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log)
        .contains(
            "run long stopped: 0 evaluation(s) paused, started again when the run is resumed; 1"
                + " still in a step at the grace's end: they continue from their last state")
        .contains("run long paused: continue it with --resume long")
        .doesNotContain("stopped SparkContext")
        .doesNotContain(" done: ");
    assertThat(leaseFiles(wh, "long")).as("the lease is released").isEmpty();
    assertThat(sql(wh, "SELECT status FROM runs WHERE run_id = 'long'")).containsExactly("stopped");
    assertThat(sql(wh, "SELECT count(*) FROM eval_trials")).containsExactly("0");

    CliRun resumed =
        CliRun.of("train", "--resume", "long", "--warehouse", wh, "--master", "local[2]");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    // its first step line after the resume is past the first step: it continued, not restarted
    assertThat(stepLines(resumed.err())).as(resumed.err()).isNotEmpty();
    assertThat(stepLines(resumed.err()).get(0)).doesNotContain(" step 1/");
    assertThat(sql(wh, "SELECT arch, status FROM eval_trials")).containsExactly("DARTS_V2,ok");
    assertThat(sql(wh, "SELECT status FROM runs WHERE run_id = 'long'")).containsExactly("done");
  }

  /** One evaluation of the published network size, a state after every step, one epoch. */
  private static String[] longSteps(String wh, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--archs",
                "DARTS_V2",
                "--init-channels",
                "36",
                "--layers",
                "20",
                "--batch-size",
                "192",
                "--epochs",
                "1",
                "--parallelism",
                "1",
                "--checkpoint-minutes",
                "0",
                "--warehouse",
                wh,
                "--run-id",
                "long"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static List<String> stepLines(String console) {
    return console
        .lines()
        .filter(l -> l.matches("evaluation 0 on executor .* step \\d+/.*"))
        .toList();
  }

  /** Waits until the console shows a step of the first evaluation: the next one is in flight. */
  private static void awaitStepShown(Process p, Path err) throws Exception {
    long until = System.nanoTime() + STARTING.toNanos();
    while (System.nanoTime() < until) {
      if (Files.exists(err) && !stepLines(Files.readString(err)).isEmpty()) {
        return;
      }
      assertThat(p.isAlive()).as(Files.exists(err) ? Files.readString(err) : "").isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("no step shown in " + STARTING);
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
    return launch(cmd, err, id);
  }

  private Process launch(List<String> cmd, Path err, String id) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectError(err.toFile())
            .redirectOutput(dir.resolve(id + ".out").toFile());
    pb.environment().put("MOOD_NAS_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
    return pb.start();
  }

  private static void awaitStarted(Process p, Path err, int trials) throws Exception {
    long until = System.nanoTime() + STARTING.toNanos();
    while (System.nanoTime() < until) {
      if (Files.exists(err)
          && Files.readString(err).lines().filter(l -> l.endsWith(" started")).count() >= trials) {
        return;
      }
      assertThat(p.isAlive()).as(Files.exists(err) ? Files.readString(err) : "").isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("no " + trials + " trials started in " + STARTING);
  }

  /** The run's files under the warehouse's _leases folder (none once its lease is released). */
  private static List<Path> leaseFiles(String wh, String id) throws IOException {
    Path folder = Path.of(wh, "_leases", id);
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }

  private static List<String> sql(String wh, String query) {
    CliRun r = CliRun.of("sql", query, "--warehouse", wh, "--format", "csv");
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().lines().skip(1).toList();
  }
}
