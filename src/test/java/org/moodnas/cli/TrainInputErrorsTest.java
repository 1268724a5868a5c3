package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad train and ensemble inputs: one line naming what is wrong, exit 2. */
class TrainInputErrorsTest {

  @Test
  void badTrainAndEnsembleInputsExitTwoWithOneLine(@TempDir Path dir) {
    String wh = dir.resolve("wh").toString();
    String[][] cases = {
      {"train", "--warehouse", wh},
      {"train", "--archs", "DARTS_V2", "--pareto-only", "--warehouse", wh},
      {"train", "--archs", "NoSuchNet", "--warehouse", wh},
      {"train", "--from-search", "nosuch", "--warehouse", wh},
      {"train", "--archs", "DARTS_V2", "--parallelism", "0", "--warehouse", wh},
      {"train", "--archs", "DARTS_V2", "--min-batch-size", "0", "--warehouse", wh},
      {"train", "--archs", "DARTS_V2", "--profile-runs", "-1", "--warehouse", wh},
      {"ensemble", "--train-run", "nosuch", "--warehouse", wh},
      {"ensemble", "--train-run", "x", "--per-class", "--warehouse", wh},
    };
    String[] says = {
      "--archs NAME… or --from-search RUN_ID",
      "--pareto-only needs --from-search",
      "NoSuchNet",
      "no run 'nosuch'",
      "--parallelism must be ≥ 1, got 0",
      "--min-batch-size must be ≥ 1, got 0",
      "--profile-runs must be ≥ 0, got -1",
      "no run 'nosuch'",
      "--per-class needs --calculate"
    };
    for (int i = 0; i < cases.length; i++) {
      CliRun r = CliRun.of(cases[i]);
      assertThat(r.code()).as(String.join(" ", cases[i]) + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().lines().toList()).as(String.join(" ", cases[i])).hasSize(1);
      assertThat(r.err()).contains(says[i]);
    }
  }
}
