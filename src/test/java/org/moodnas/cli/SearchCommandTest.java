package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.core.SweepSpec;
import org.moodnas.core.Weight;
import org.moodnas.pareto.ToyProblem;
import org.moodnas.pareto.WeightEstimator;
import org.moodnas.testing.DamagedLog;

/**
 * {@code mood-nas search} end to end on simulated and tiny real sweeps. Long: one class keeps the
 * command's whole contract (recording, resuming, refusing) beside the runs it shares.
 */
@Tag("slow")
class SearchCommandTest {

  @Test
  void simulatedSweepThenSqlOverItsTables(@TempDir Path dir) {
    String wh = dir.toUri().toString();
    CliRun sweep =
        CliRun.of(
            "search", "--simulate", "--warehouse", wh, "--run-id", "cli", "--master", "local[2]");
    assertThat(sweep.code()).as(sweep.err()).isZero();
    assertThat(sweep.out())
        .contains("Pareto front of run cli (11 points)")
        .contains("mood-nas sql")
        .containsPattern("ν +name +reg_loss +criterion_loss +valid_acc +model_size_mb");
    // The toy problem's ν = 0 trial is the accurate end of the front: reg_loss 1, criterion 0.
    assertThat(sweep.out().lines().filter(l -> l.contains("l2_loss_")).toList())
        .hasSize(11)
        .last()
        .asString()
        .matches(" +0\\.0+ +l2_loss_0e00 +1\\.0+ +0\\.0+ +- +-");
    assertThat(sweep.err()).contains("trial 0: ν = 0.2").contains("trial 10 done");

    CliRun count =
        CliRun.of(
            "sql",
            "SELECT count(*) AS n, min(reg_weight) AS lo FROM search_trials WHERE run_id = 'cli'",
            "--warehouse",
            wh,
            "--format",
            "json");
    assertThat(count.code()).as(count.err()).isZero();
    assertThat(count.out().trim()).isEqualTo("{\"n\":11,\"lo\":0.0}");

    CliRun table = CliRun.of("sql", "SELECT run_id, status FROM runs", "--warehouse", wh);
    assertThat(table.out().lines()).containsExactly("run_id  status", "cli     done", "(1 rows)");

    CliRun csv =
        CliRun.of(
            "sql",
            "SELECT trial_index FROM search_trials ORDER BY trial_index LIMIT 2",
            "--warehouse",
            wh,
            "--format",
            "csv");
    assertThat(csv.out().lines()).containsExactly("trial_index", "0", "1");

    // Resuming a done run changes nothing: not its status, not its finished_at.
    String[] run = {"sql", "SELECT status, finished_at FROM runs", "--warehouse", wh};
    String before = CliRun.of(run).out();
    CliRun again = CliRun.of("search", "--resume", "cli", "--warehouse", wh);
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("run cli is done: nothing to resume");
    assertThat(again.out()).contains("Pareto front of run cli (11 points)");
    assertThat(CliRun.of(run).out()).isEqualTo(before).contains("done");
  }

  @Test
  void aResumeOverATrialWhoseRowsTheLogLostFailsInOneLine(@TempDir Path dir) throws Exception {
    String wh = dir.toUri().toString();
    CliRun first =
        CliRun.of(
            "search", "--simulate", "--max-trials", "2", "--warehouse", wh, "--run-id", "dmg");
    assertThat(first.code()).as(first.err()).isZero();
    // the log keeps trial 1's transaction but loses its row: the resume runs trial 1 again and
    // Delta skips its append as already done
    DamagedLog.dropRows(dir.resolve("search_trials"), "search_trials/dmg/1", 0);

    CliRun resumed = CliRun.of("search", "--resume", "dmg", "--warehouse", wh);
    assertThat(resumed.code()).isEqualTo(1);
    assertThat(resumed.err())
        .containsPattern(
            "(?m)^mood-nas: table search_trials at \\S+ is damaged: its _delta_log holds the"
                + " append of dmg/1 .*; restore the table from a copy$");
    assertThat(resumed.err().lines().filter(l -> l.startsWith("mood-nas:"))).hasSize(1);
  }

  @Test
  void aRecordedRunIdIsRefusedUnlessResumed(@TempDir Path dir) {
    String wh = dir.toUri().toString();
    String[] retried = {
      "search", "--simulate", "--warehouse", wh, "--run-id", "r", "--resume-existing"
    };
    // A scheduler's first try: nothing recorded yet, so the run starts (stopped after 4 trials).
    CliRun first = CliRun.of(append(retried, "--max-trials", "4"));
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(trials(wh)).isEqualTo(4);

    CliRun reused = CliRun.of("search", "--simulate", "--warehouse", wh, "--run-id", "r");
    assertThat(reused.code()).isEqualTo(2);
    assertThat(reused.err().lines().toList())
        .containsExactly(
            "mood-nas: --run-id r: already in the warehouse; continue it with --resume r");
    assertThat(trials(wh)).isEqualTo(4);

    // The retry continues the recorded run (to its end: the limit is lifted explicitly).
    CliRun retry = CliRun.of(append(retried, "--max-trials", "0"));
    assertThat(retry.code()).as(retry.err()).isZero();
    assertThat(retry.err()).contains("resuming run r after 4 recorded trials");
    assertThat(trials(wh)).isEqualTo(11);

    CliRun both =
        CliRun.of("search", "--simulate", "--warehouse", wh, "--run-id", "r", "--resume", "r");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--run-id or --resume, not both");
  }

  @Test
  void aResumedSweepKeepsItsRecordedSettings(@TempDir Path dir) {
    String wh = dir.toUri().toString();
    CliRun cut =
        CliRun.of(
            "search",
            "--simulate",
            "--delta",
            "0.3",
            "--objective",
            "l1",
            "--warehouse",
            wh,
            "--run-id",
            "r",
            "--max-trials",
            "3");
    assertThat(cut.code()).as(cut.err()).isZero();
    // no --weight-decay: the L1 sweep's published fixed L2
    assertThat(recordedWeightDecay(wh, "r")).isEqualTo("3.0E-4");

    // The run and no limit: its δ of 0.3 comes from runs.config, not from the default 0.15.
    CliRun resumed = CliRun.of("search", "--resume", "r", "--warehouse", wh, "--max-trials", "0");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("run r continues with its recorded settings");
    assertThat(resumed.err()).contains("--max-trials: 3 recorded, 0 given: using 0");
    assertThat(nus(wh, "r")).isEqualTo(toyProblemSweep(0.3)).hasSizeGreaterThan(3);
    assertThat(recordedWeightDecay(wh, "r")).isEqualTo("3.0E-4");
  }

  @Test
  void anL2SweepRecordsWeightDecayZeroAsThePublishedL2Sweep(@TempDir Path dir) {
    String wh = dir.toUri().toString();
    CliRun run =
        CliRun.of(
            "search",
            "--simulate",
            "--objective",
            "l2",
            "--warehouse",
            wh,
            "--run-id",
            "l2",
            "--max-trials",
            "1");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(recordedWeightDecay(wh, "l2")).isEqualTo("0.0");
  }

  /** The SGD weight decay a run's recorded config holds, as text. */
  private static String recordedWeightDecay(String wh, String run) {
    CliRun r =
        CliRun.of(
            "sql",
            "SELECT get_json_object(config, '$.trial.training.weight_decay') AS wd FROM runs"
                + " WHERE run_id = '"
                + run
                + "'",
            "--warehouse",
            wh,
            "--format",
            "csv");
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().lines().skip(1).findFirst().orElseThrow();
  }

  /** The ν a sequential sweep of the toy problem proposes with stop distance δ. */
  private static List<String> toyProblemSweep(double delta) {
    WeightEstimator e = new WeightEstimator(SweepSpec.DEFAULT_INITIAL_WEIGHTS, delta);
    List<String> nus = new ArrayList<>();
    for (Optional<Weight> w = e.next(); w.isPresent(); w = e.next()) {
      nus.add(String.valueOf(w.get().nu()));
      e.record(ToyProblem.solve(w.get()));
    }
    return nus;
  }

  private static List<String> nus(String wh, String run) {
    CliRun r =
        CliRun.of(
            "sql",
            "SELECT reg_weight FROM search_trials WHERE run_id = '"
                + run
                + "' ORDER BY trial_index",
            "--warehouse",
            wh,
            "--format",
            "csv");
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().lines().skip(1).toList();
  }

  private static String[] append(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
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

  @Test
  void theSqlHintPastesIntoAShellWhateverTheRunIdHolds(@TempDir Path dir) throws Exception {
    String wh = dir.resolve("a warehouse").toString();
    String id = "it's \"$HOME\" `x`";
    CliRun sweep =
        CliRun.of("search", "--simulate", "--max-trials", "2", "--warehouse", wh, "--run-id", id);
    assertThat(sweep.code()).as(sweep.err()).isZero();
    String hint =
        sweep.out().lines().filter(l -> l.startsWith("Look at it: ")).findFirst().orElseThrow();
    // bash splits the hint into words as a user pasting it would; printf ends each with a NUL
    String command = hint.substring("Look at it: ".length());
    assertThat(command).startsWith("jobs/mood-nas sql ");
    Process p =
        new ProcessBuilder(
                "bash", "-c", "printf '%s\\0' " + command.substring("jobs/mood-nas ".length()))
            .start();
    String words = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    CliRun pasted = CliRun.of(words.split("\0"));
    assertThat(pasted.code()).as(pasted.err()).isZero();
    assertThat(pasted.out()).contains("(2 rows)");
  }

  @Test
  void badQueriesAndSweepInputsExitTwo(@TempDir Path dir) {
    String wh = dir.toUri().toString();
    CliRun bad = CliRun.of("sql", "SELECT nope FROM search_trials", "--warehouse", wh);
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().lines()).hasSize(1);
    CliRun resume = CliRun.of("search", "--simulate", "--resume", "nosuch", "--warehouse", wh);
    assertThat(resume.code()).isEqualTo(2);
    assertThat(resume.err()).contains("no run 'nosuch'");
    CliRun weights =
        CliRun.of("search", "--simulate", "--initial-weights", "0.2;x", "--warehouse", wh);
    assertThat(weights.code()).isEqualTo(2);
    assertThat(weights.err()).contains("--initial-weights");
  }
}
