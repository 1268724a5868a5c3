package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while a training step outlasts what the grace leaves the tasks: the driver stops waiting,
 * records the run stopped, releases its lease and exits 0 within the grace (at most 5 s more when
 * the record is still being written); the trial cut short continues from its last state when the
 * run is resumed.
 */
class LongStepPreemptionIT {

  private static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void aStepLongerThanTheGraceStillEndsTheRunStoppedAndResumeContinuesFromTheLastState()
      throws Exception {
    String wh = dir.resolve("wh").toString();
    Path err = dir.resolve("long.err");
    int grace = 8;
    // 36 channels, 8 cells, 128 images a step on one thread: seconds a step, more than the 4 s the
    // grace leaves the tasks; the other core records the run meanwhile
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("jobs/mood-nas").toString()));
    cmd.addAll(List.of(TinyTrainedRuns.tiny("train", longSteps(wh, "--grace-seconds", "8"))));
    Process p = LaunchedDriver.launch(cmd, err, dir.resolve("long.out"));
    LaunchedDriver.awaitLines(p, err, LongStepPreemptionIT::isStepLine, 1);
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
        // the command's last line ("run long paused: …") may come after the grace's halt
        .doesNotContain("stopped SparkContext")
        .doesNotContain(" done: ");
    assertThat(LaunchedDriver.leaseFiles(wh, "long")).as("the lease is released").isEmpty();
    assertThat(LaunchedDriver.sql(wh, "SELECT status FROM runs WHERE run_id = 'long'"))
        .containsExactly("stopped");
    assertThat(LaunchedDriver.sql(wh, "SELECT count(*) FROM eval_trials")).containsExactly("0");

    CliRun resumed =
        CliRun.of("train", "--resume", "long", "--warehouse", wh, "--master", "local[1]");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    // its first step line after the resume is past the first step: it continued, not restarted
    assertThat(stepLines(resumed.err())).as(resumed.err()).isNotEmpty();
    assertThat(stepLines(resumed.err()).get(0)).doesNotContain(" step 1/");
    assertThat(LaunchedDriver.sql(wh, "SELECT arch, status FROM eval_trials"))
        .containsExactly("DARTS_V2,ok");
    assertThat(LaunchedDriver.sql(wh, "SELECT status FROM runs WHERE run_id = 'long'"))
        .containsExactly("done");
  }

  @Test
  void aSecondSigtermInsideAStepExitsAtOnceWith143AndTheLeaseReleased() throws Exception {
    String wh = dir.resolve("wh").toString();
    Path err = dir.resolve("twice.err");
    // a grace far longer than the step: only the second SIGTERM ends the driver early
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("jobs/mood-nas").toString()));
    cmd.addAll(List.of(TinyTrainedRuns.tiny("train", longSteps(wh, "--grace-seconds", "300"))));
    Process p = LaunchedDriver.launch(cmd, err, dir.resolve("twice.out"));
    LaunchedDriver.awaitLines(p, err, LongStepPreemptionIT::isStepLine, 1);
    p.destroy();
    Thread.sleep(300);
    p.destroy();
    // at once: up to 5 s releasing the lease and recording the run, and the JVM's halt
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the driver exits").isTrue();
    String log = Files.readString(err);
    assertThat(p.exitValue()).as(log).isEqualTo(143);
    assertThat(log)
        .contains("mood-nas: second SIGTERM: exiting now (run long: recording it stopped)")
        .doesNotContain("could not be recorded stopped")
        .doesNotContain(" done: ");
    assertThat(LaunchedDriver.leaseFiles(wh, "long")).as("the lease is released").isEmpty();
    // recorded stopped when the commit fits in the 5 s (a first UPDATE in a JVM busy with a step
    // often does not), else lost: the lease is gone either way, and both resume the same way
    assertThat(LaunchedDriver.sql(wh, "SELECT status FROM runs WHERE run_id = 'long'"))
        .containsAnyOf("stopped", "lost");
  }

  /** One evaluation of a wide network, a state after every step, one epoch. */
  private static String[] longSteps(String wh, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--archs",
                "DARTS_V2",
                "--init-channels",
                "36",
                "--layers",
                "8",
                "--batch-size",
                "128",
                "--epochs",
                "1",
                "--parallelism",
                "1",
                "--master",
                "local[1]",
                "--checkpoint-minutes",
                "0",
                "--warehouse",
                wh,
                "--run-id",
                "long"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static boolean isStepLine(String line) {
    return line.matches("evaluation 0 on executor .* step \\d+/.*");
  }

  private static List<String> stepLines(String console) {
    return console.lines().filter(LongStepPreemptionIT::isStepLine).toList();
  }
}
