package org.moodnas.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.spark.sql.Row;
import org.moodnas.core.TrainingStateKeys;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Tables;
import org.moodnas.store.Warehouse;
import org.moodnas.testing.RecordedSearch;
import org.moodnas.testing.TinyFashionMnist;
import org.moodnas.train.EvalCheckpoint;

/**
 * One warehouse for the test classes of this JVM that read a finished train run: a recorded search
 * {@code s}, the tiny real train run {@code tiny} of its front on Fashion-MNIST (the first training
 * of each genotype failing as out of memory on purpose) and the per-class ensemble {@code ens} of
 * its checkpoints. Made once, on first use: training is the expensive part.
 */
record TinyTrainedRuns(Path dir, String wh, Warehouse warehouse, CliRun train, CliRun ensemble) {

  private static TinyTrainedRuns made;

  static synchronized TinyTrainedRuns get() {
    if (made == null) {
      made = make();
    }
    return made;
  }

  /** The tiny train options. */
  static String[] tiny(String command, String... more) {
    List<String> args =
        new ArrayList<>(List.of(TinyFashionMnist.args(command, "--master", "local[2]")));
    args.addAll(TinyFashionMnist.TRAIN);
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Each evaluated network of {@code run} in {@code warehouse}, loaded, given to {@code use}. */
  static void eachMember(
      Warehouse warehouse, String run, BiConsumer<EvalCheckpoint.Loaded, NDManager> use) {
    List<Row> rows =
        warehouse
            .read(Tables.EVAL_TRIALS)
            .where(col("run_id").equalTo(run))
            .orderBy("arch")
            .collectAsList();
    for (Row r : rows) {
      try (NDManager m = NDManager.newBaseManager()) {
        use.accept(EvalCheckpoint.load(r.getAs("checkpoint"), m), m);
      }
    }
  }

  /** The evaluation whose training state an earlier, interrupted driver of run tiny left. */
  static final String INTERRUPTED = "l2_loss_0e00";

  /**
   * A state file under run tiny that none of its evaluations reads (a leftover, say of a cut-short
   * trial whose key the run no longer uses): the run's end removes it with the rest.
   */
  private static void leaveATrainingState(Path wh) {
    Path state =
        wh.resolve("checkpoints/tiny/training")
            .resolve(TrainingStateKeys.evaluation("DARTS_V2"))
            .resolve("state-1.ckpt");
    try {
      Files.createDirectories(state.getParent());
      Files.write(state, new byte[16]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TinyTrainedRuns make() {
    Path dir;
    try {
      dir = Files.createTempDirectory("tiny-trained-runs");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String wh = dir.resolve("wh").toString();
    Warehouse warehouse = new Warehouse(SparkSessions.getOrCreate("local[2]"), wh);
    RecordedSearch.record(warehouse, "s");
    leaveATrainingState(dir.resolve("wh"));
    CliRun train =
        CliRun.of(
            tiny(
                "train",
                "--from-search",
                "s",
                "--pareto-only",
                "--warehouse",
                wh,
                "--run-id",
                "tiny"));
    assertThat(train.code()).as(train.err()).isZero();
    CliRun ensemble =
        CliRun.of(
            "ensemble",
            "--train-run",
            "tiny",
            "--calculate",
            "--per-class",
            "--warehouse",
            wh,
            "--run-id",
            "ens",
            "--master",
            "local[2]");
    assertThat(ensemble.code()).as(ensemble.err()).isZero();
    return new TinyTrainedRuns(dir, wh, warehouse, train, ensemble);
  }
}
