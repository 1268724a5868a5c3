package org.moodnas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryModelCommandTest {

  private static final Path PUBLISHED =
      Path.of("src/main/resources/org/moodnas/memory/batch_data.csv");

  @Test
  void predictAndBatchSizeUseThePublishedModelWithoutSetUp() {
    CliRun predict =
        CliRun.of("memory-model", "predict", "--params-mb", "3.63", "--batch-size", "200");
    assertThat(predict.code()).as(predict.err()).isZero();
    assertThat(Double.parseDouble(predict.out().trim())).isBetween(21_157 * 0.995, 21_157 * 1.005);

    // batch_train.py's rule (the default): the first batch predicted at or over 16000 − 500 MB.
    CliRun batch =
        CliRun.of("memory-model", "batch-size", "--params-mb", "3.63", "--gpu-memory-mb", "16000");
    assertThat(batch.code()).as(batch.err()).isZero();
    int b = Integer.parseInt(batch.out().trim());
    assertThat(predicted("3.63", b)).isGreaterThanOrEqualTo(15_500);
    assertThat(predicted("3.63", b - 1)).isLessThan(15_500);

    // --batch-rule under-budget: the largest batch predicted under it, so one below the published.
    CliRun under =
        CliRun.of(
            "memory-model",
            "batch-size",
            "--params-mb",
            "3.63",
            "--gpu-memory-mb",
            "16000",
            "--batch-rule",
            "under-budget");
    assertThat(under.code()).as(under.err()).isZero();
    int u = Integer.parseInt(under.out().trim());
    assertThat(predicted("3.63", u)).isLessThanOrEqualTo(15_500);
    assertThat(predicted("3.63", u + 1)).isGreaterThan(15_500);
    assertThat(u).isEqualTo(b - 1);
  }

  private static double predicted(String params, int batch) {
    CliRun r =
        CliRun.of("memory-model", "predict", "--params-mb", params, "--batch-size", "" + batch);
    return Double.parseDouble(r.out().trim());
  }

  @Test
  void fitReportsTheErrorsAndSavesAModelThatPredictsTheSame(@TempDir Path dir) {
    String out = dir.resolve("model").toString();
    CliRun fit = CliRun.of("memory-model", "fit", "--data", PUBLISHED.toString(), "--out", out);
    assertThat(fit.code()).as(fit.err()).isZero();
    assertThat(fit.out()).containsPattern("fitted on 28 samples from .*: MAE 29[23]\\.\\d MB");
    assertThat(Files.isDirectory(Path.of(out, "stages"))).isTrue();
    CliRun custom =
        CliRun.of(
            "memory-model", "predict", "--params-mb", "1.37", "--batch-size", "60", "--model", out);
    assertThat(custom.out().trim()).isEqualTo(String.format("%.0f", predicted("1.37", 60)));
  }

  @Test
  void importedSamplesRefitFromTheTableOnce(@TempDir Path dir) {
    String wh = dir.resolve("wh").toUri().toString();
    CliRun empty = CliRun.of("memory-model", "fit", "--from-table", "--warehouse", wh);
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("memory_samples has no samples");
    for (int i = 0; i < 2; i++) {
      CliRun imp =
          CliRun.of("memory-model", "import", "--data", PUBLISHED.toString(), "--warehouse", wh);
      assertThat(imp.code()).as(imp.err()).isZero();
      assertThat(imp.out()).contains("memory_samples now holds 28");
    }
    CliRun refit = CliRun.of("memory-model", "fit", "--from-table", "--warehouse", wh);
    assertThat(refit.code()).as(refit.err()).isZero();
    assertThat(refit.out())
        .containsPattern("fitted on 28 samples from .*memory_samples: MAE 29[23]");
  }

  @Test
  void badInputsExitTwoWithOneLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "model size,batch size,GPU mb\n3.81,104,lots\n");
    CliRun fit = CliRun.of("memory-model", "fit", "--data", bad.toString());
    assertThat(fit.code()).isEqualTo(2);
    assertThat(fit.err().trim())
        .isEqualTo("mood-nas: " + bad + " line 2: '3.81,104,lots' is not three numbers");
    CliRun missing = CliRun.of("memory-model", "fit", "--data", dir.resolve("none.csv").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("none.csv: no such file");
    // Under the budget nothing fits; batch_train.py's rule would still start at batch 1.
    CliRun tooSmall =
        CliRun.of(
            "memory-model",
            "batch-size",
            "--params-mb",
            "3.6",
            "--gpu-memory-mb",
            "600",
            "--batch-rule",
            "under-budget");
    assertThat(tooSmall.code()).isEqualTo(2);
    assertThat(tooSmall.err()).contains("at batch 1");
    CliRun negative =
        CliRun.of("memory-model", "predict", "--params-mb", "-1", "--batch-size", "10");
    assertThat(negative.code()).isEqualTo(2);
    assertThat(negative.err()).contains("--params-mb -1.0");
  }
}
