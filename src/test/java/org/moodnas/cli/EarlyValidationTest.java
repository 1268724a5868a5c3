package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad settings and unusable warehouses are refused with one line and exit 2, before any work. */
class EarlyValidationTest {

  private static void refused(CliRun r, String message) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("mood-nas: " + message);
    assertThat(r.out()).as("nothing printed before the refusal").isEmpty();
  }

  @Test
  void aGpuTheEngineCannotSeeIsRefusedBeforeTraining() {
    // This machine's libtorch is the CPU build: it sees no GPU.
    String gpu = "--device gpu:0: the engine sees 0 GPU(s) here";
    for (String[] args :
        new String[][] {
          {
            "search-trial", "--reg-weight", "0.1", "--device", "gpu:0", "--dataset", "fashion-mnist"
          },
          {"train-one", "--arch", "PC_DARTS_cifar", "--device", "gpu:0"},
          {"profile", "--arch", "PC_DARTS_cifar", "--latency", "--device", "gpu:0"},
          {"bench", "search-step", "--device", "gpu:0"}
        }) {
      CliRun r = CliRun.of(args);
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(1);
      assertThat(r.err()).as(String.join(" ", args)).startsWith("mood-nas: " + gpu);
    }
  }

  @Test
  void anImageFolderWithoutTwoClassFoldersIsRefusedBeforeSparkStarts(@TempDir Path dir)
      throws Exception {
    Path none = dir.resolve("none");
    Files.createDirectories(none.resolve("train"));
    Files.createDirectories(none.resolve("val"));
    Path wh = dir.resolve("wh");
    refused(
        CliRun.of(
            "search", "--dataset", "imagenet", "--data", none.toString(), "--warehouse", wh + ""),
        none.resolve("train") + ": no class folders");

    Path one = dir.resolve("one");
    Files.createDirectories(one.resolve("train/cats"));
    Files.createDirectories(one.resolve("val/cats"));
    Files.write(one.resolve("train/cats/a.png"), new byte[] {1});
    String single =
        one.resolve("train") + ": only one class folder (cats): a classifier needs at least two";
    refused(
        CliRun.of(
            "train",
            "--archs",
            "DARTS_V2",
            "--dataset",
            "imagenet",
            "--data",
            one.toString(),
            "--warehouse",
            wh + ""),
        single);
    assertThat(wh).as("no warehouse written: refused before Spark").doesNotExist();
    // the commands that train on the driver refuse it as they read
    refused(
        CliRun.of(
            "train-one", "--arch", "DARTS_V2", "--dataset", "imagenet", "--data", one.toString()),
        single);
    refused(
        CliRun.of(
            "search-trial", "--weight", "0", "--dataset", "imagenet", "--data", none.toString()),
        none.resolve("train") + ": no class folders");
  }

  @Test
  void anAnalyseOutFolderThatCannotBeWrittenIsRefusedBeforeTheAnalysis(@TempDir Path dir)
      throws Exception {
    String csv = "src/test/resources/published/cifar10_l2_train.csv";
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    // tests may run as root, whom permissions do not stop: a file in the way, and /proc
    refused(
        CliRun.of("analyse", "--import-published", csv, "--out", file.resolve("sub").toString()),
        "--out " + file.resolve("sub") + ": cannot create folder: " + file + " is a file");
    refused(
        CliRun.of("analyse", "--import-published", csv, "--out", file.toString()),
        "--out " + file + ": is a file, not a folder");
    refused(
        CliRun.of("analyse", "--import-published", csv, "--out", "/proc/mood-nas-analysis"),
        "--out /proc/mood-nas-analysis: cannot create folder: no such file or directory");
  }

  @Test
  void aGraceUnderOneSecondIsRefusedBeforeSparkStarts(@TempDir Path dir) {
    String wh = dir.toString();
    for (String[] args :
        new String[][] {
          {"search", "--simulate", "--grace-seconds", "0", "--warehouse", wh},
          {"train", "--archs", "DARTS_V2", "--grace-seconds", "0", "--warehouse", wh}
        }) {
      refused(CliRun.of(args), "--grace-seconds must be ≥ 1, got 0");
    }
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void gpuTrialsInLocalModeAreRefusedBeforeSparkStarts(@TempDir Path dir) {
    CliRun r =
        CliRun.of(
            "search",
            "--simulate",
            "--gpus-per-trial",
            "1",
            "--master",
            "local[2]",
            "--warehouse",
            dir.toString());
    refused(
        r,
        "--gpus-per-trial 1: Spark's local mode (local[2]) never offers GPUs to tasks; run on a"
            + " cluster whose executors have GPUs");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void devicesPerTrialAreAtLeastOneAndAtMostTheBatch(@TempDir Path dir) {
    refused(
        CliRun.of("train-one", "--arch", "PC_DARTS_cifar", "--gpus-per-trial", "0"),
        "--gpus-per-trial must be ≥ 1, got 0");
    String tooMany =
        "--gpus-per-trial must not exceed the batch size (2): each device trains on part of every"
            + " batch, got 3";
    refused(
        CliRun.of("search-trial", "--weight", "0", "--batch-size", "2", "--gpus-per-trial", "3"),
        tooMany);
    refused(
        CliRun.of(
            "search",
            "--simulate",
            "--batch-size",
            "2",
            "--gpus-per-trial",
            "3",
            "--warehouse",
            dir.toString()),
        tooMany);
  }

  @Test
  void profileChecksEverySettingBeforeItsHeader() {
    CliRun r = CliRun.of("profile", "--all", "--latency", "--batch-size", "0");
    refused(r, "--batch-size must be ≥ 1, got 0");
  }

  @Test
  void warehousesThatCannotBeWrittenAreRefusedBeforeTheRun(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    refused(
        CliRun.of("search", "--simulate", "--warehouse", file.toString()),
        "--warehouse " + file + ": a file, not a warehouse folder");
    // /proc takes no new folders: a warehouse there cannot be created, as on a read-only disk
    CliRun r = CliRun.of("search", "--simulate", "--warehouse", "/proc/mood-nas-warehouse");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("mood-nas: --warehouse /proc/mood-nas-warehouse: not writable");
  }
}
