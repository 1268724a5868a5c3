package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.core.TrainingStateKeys;
import org.moodnas.core.Weight;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Checkpoints;
import org.moodnas.store.Checkpoints.Kept;
import org.moodnas.store.Tables;
import org.moodnas.store.Warehouse;

/**
 * {@code mood-nas checkpoints} and the drivers' training-state hygiene, on real folders of a
 * warehouse whose runs were recorded by simulated sweeps.
 */
class CheckpointsCommandTest {

  private static Path file(Path path, int bytes) throws IOException {
    Files.createDirectories(path.getParent());
    return Files.write(path, new byte[bytes]);
  }

  private static Warehouse warehouse(Path wh) {
    return new Warehouse(SparkSessions.getOrCreate("local[2]"), wh.toUri().toString());
  }

  @Test
  void listsWhatEachRunKeepsAndRemovesExactlyTheOrphans(@TempDir Path dir) throws IOException {
    Path wh = dir.resolve("wh");
    simulatedSweep(wh, "kept", "--max-trials", "2");

    Path checkpoints = wh.resolve("checkpoints");
    layOutKeptAndGone(checkpoints);

    assertThat(new Checkpoints(warehouse(wh)).list())
        .containsExactly(
            new Kept("gone", null, 1, 3000, 1, 500, 3500),
            new Kept("kept", "stopped", 2, 3048, 2, 4196, 7254));

    CliRun list = CliRun.of("checkpoints", "--warehouse", wh.toString());
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(cells(list))
        .containsExactly(
            List.of(
                "run",
                "status",
                "networks",
                "networks size",
                "training states",
                "training size",
                "orphan"),
            List.of("gone", "-", "1", "2.9 KiB", "1", "500 B", "yes"),
            List.of("kept", "stopped", "2", "3.0 KiB", "2", "4.1 KiB", "no"),
            List.of("total", "3", "5.9 KiB", "3", "4.6 KiB", "1 of 2"),
            List.of("1 orphan folder (3.4 KiB): --remove-orphans deletes them"));
    assertThat(Files.exists(checkpoints.resolve("gone"))).as("listing deletes nothing").isTrue();

    CliRun remove = CliRun.of("checkpoints", "--warehouse", wh.toString(), "--remove-orphans");
    assertThat(remove.code()).as(remove.err()).isZero();
    assertThat(remove.out())
        .endsWith(
            String.format(
                "removed checkpoints/gone: 1 network, 1 training state, 3.4 KiB%n"
                    + "1 orphan folder removed, 3.4 KiB freed (3500 bytes)%n"));
    assertThat(relativeFiles(checkpoints))
        .containsExactlyInAnyOrder(
            "kept/a.ckpt",
            "kept/b.ckpt",
            "kept/.c.ckpt.tmp",
            "kept/training/trial-5-0000aaaa/state-3.ckpt",
            "kept/training/trial-6-0000bbbb/.state-4.ckpt.tmp",
            "notes.txt");

    CliRun again = CliRun.of("checkpoints", "--warehouse", wh.toString(), "--remove-orphans");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out())
        .endsWith(String.format("0 orphan folders removed, 0 B freed (0 bytes)%n"));
  }

  @Test
  void aRecordedTrialsStateGoesAndADoneRunKeepsOnlyItsNetworks(@TempDir Path dir)
      throws IOException {
    Path wh = dir.resolve("wh");
    Path run = wh.resolve("checkpoints/r");
    Path training = run.resolve("training");
    // The states the first two trials' trainers would have left, written before the run starts
    // (the sweep's first trials are its initial weights), and one of a trial cut short whose index
    // a resumed sweep gave to another weight: that one stays until the run is done.
    String first = TrainingStateKeys.search(0, new Weight(0.2, 0.8));
    String second = TrainingStateKeys.search(1, new Weight(0, 1));
    String stale = "trial-1-00000000";
    file(training.resolve(first).resolve("state-1.ckpt"), 64);
    file(training.resolve(second).resolve("state-2.ckpt"), 64);
    file(training.resolve(second).resolve(".state-3.ckpt.tmp"), 8);
    file(training.resolve(stale).resolve("state-1.ckpt"), 64);
    file(run.resolve("l2_loss_2e01.ckpt"), 128);

    // δ = 0.9: the toy problem's sweep is done after 3 trials (the default δ takes 11)
    simulatedSweep(wh, "r", "--delta", "0.9", "--max-trials", "2");
    assertThat(recordedKeys(wh)).containsExactlyInAnyOrder(first, second);
    // stopped, not done: only the recorded trials' states went
    assertThat(relativeFiles(run))
        .containsExactlyInAnyOrder("l2_loss_2e01.ckpt", "training/" + stale + "/state-1.ckpt");

    CliRun done =
        CliRun.of("search", "--resume", "r", "--max-trials", "0", "--warehouse", wh.toString());
    assertThat(done.code()).as(done.err()).isZero();
    assertThat(done.err()).contains("resuming run r after 2 recorded trials");
    assertThat(recordedKeys(wh)).hasSize(3);
    assertThat(relativeFiles(run)).containsExactly("l2_loss_2e01.ckpt");
    assertThat(Files.exists(training)).isFalse();

    CliRun list = CliRun.of("checkpoints", "--warehouse", wh.toString());
    assertThat(cells(list).get(1)).containsExactly("r", "done", "1", "128 B", "0", "0 B", "no");
  }

  @Test
  void deletingATrialsStateTouchesNothingElseAndRefusesKeysThatLeaveItsFolder(@TempDir Path dir)
      throws IOException {
    Path wh = dir.resolve("wh");
    Path training = wh.resolve("checkpoints/r/training");
    file(training.resolve("trial-0-0000aaaa/state-1.ckpt"), 10);
    file(training.resolve("trial-1-0000bbbb/state-1.ckpt"), 10);
    Checkpoints checkpoints = new Checkpoints(warehouse(wh));
    Warehouse w = warehouse(wh);
    assertThat(w.trainingStatePath("r", "trial-0-0000aaaa"))
        .isEqualTo(
            wh.toUri().toString().replaceAll("/$", "")
                + "/checkpoints/r/training/trial-0-0000aaaa");

    assertThat(checkpoints.deleteTrialState("r", "trial-0-0000aaaa")).isTrue();
    assertThat(checkpoints.deleteTrialState("r", "trial-0-0000aaaa")).isFalse();
    assertThat(relativeFiles(training)).containsExactly("trial-1-0000bbbb/state-1.ckpt");
    for (String key : new String[] {"..", ".", "", "a/b"}) {
      assertThatThrownBy(() -> checkpoints.deleteTrialState("r", key))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> checkpoints.deleteTrainingStates(".."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(relativeFiles(training)).containsExactly("trial-1-0000bbbb/state-1.ckpt");
    assertThat(checkpoints.deleteTrainingStates("r")).isTrue();
    assertThat(Files.exists(training)).isFalse();
  }

  @Test
  void aMissingWarehouseOrAFileIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
    CliRun missing = CliRun.of("checkpoints", "--warehouse", dir.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().lines().toList())
        .containsExactly("mood-nas: --warehouse " + dir.resolve("nope") + ": no such folder");

    Path plain = file(dir.resolve("plain"), 3);
    CliRun notAFolder = CliRun.of("checkpoints", "--warehouse", plain.toString());
    assertThat(notAFolder.code()).isEqualTo(2);
    assertThat(notAFolder.err().lines().toList())
        .containsExactly("mood-nas: --warehouse " + plain + ": a file, not a warehouse folder");

    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliRun none = CliRun.of("checkpoints", "--warehouse", empty.toString(), "--remove-orphans");
    assertThat(none.code()).as(none.err()).isZero();
    assertThat(none.out())
        .isEqualTo(
            String.format(
                "no checkpoints in %s%n0 orphan folders removed, 0 B freed (0 bytes)%n", empty));
  }

  /** A simulated sweep recorded as run {@code runId}, with the options {@code more}. */
  private static void simulatedSweep(Path wh, String runId, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "search",
                "--simulate",
                "--warehouse",
                wh.toString(),
                "--run-id",
                runId,
                "--master",
                "local[2]"));
    args.addAll(List.of(more));
    CliRun sweep = CliRun.of(args.toArray(String[]::new));
    assertThat(sweep.code()).as(sweep.err()).isZero();
  }

  /**
   * Run "kept" (recorded): two networks, a network being written, two trials' states (one being
   * written); run "gone" (not recorded): a network and a trial's state; and a file beside them.
   */
  private static void layOutKeptAndGone(Path checkpoints) throws IOException {
    file(checkpoints.resolve("kept/a.ckpt"), 1000);
    file(checkpoints.resolve("kept/b.ckpt"), 2048);
    file(checkpoints.resolve("kept/.c.ckpt.tmp"), 10); // a network being written: not one yet
    file(checkpoints.resolve("kept/training/trial-5-0000aaaa/state-3.ckpt"), 4096);
    file(checkpoints.resolve("kept/training/trial-6-0000bbbb/.state-4.ckpt.tmp"), 100);
    file(checkpoints.resolve("gone/x.ckpt"), 3000);
    file(checkpoints.resolve("gone/training/trial-0-0000cccc/state-1.ckpt"), 500);
    file(checkpoints.resolve("notes.txt"), 7); // not a run's folder: neither listed nor removed
  }

  /** The printed lines' cells: columns are two or more spaces apart. */
  private static List<List<String>> cells(CliRun run) {
    return run.out().lines().map(l -> Arrays.asList(l.trim().split(" {2,}"))).toList();
  }

  /** The trial keys of run r's recorded trials, from their index and weight in search_trials. */
  private static Set<String> recordedKeys(Path wh) {
    return warehouse(wh).read(Tables.SEARCH_TRIALS).collectAsList().stream()
        .filter(r -> r.<String>getAs("run_id").equals("r"))
        .map(CheckpointsCommandTest::key)
        .collect(Collectors.toSet());
  }

  private static String key(Row r) {
    return TrainingStateKeys.search(
        r.getAs("trial_index"),
        new Weight(r.<Double>getAs("reg_weight"), r.<Double>getAs("criterion_weight")));
  }

  /** Every file under {@code root}, relative, with / between names. */
  private static List<String> relativeFiles(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .toList();
    }
  }
}
