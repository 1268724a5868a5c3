package org.moodnas.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.spark.SparkSessions;

class MemoryModelTest {

  static SparkSession spark;
  static MemoryModel model;

  @BeforeAll
  static void fitThePublishedModel() {
    spark = SparkSessions.getOrCreate("local[2]");
    model = MemoryModel.published(spark);
  }

  @Test
  void reproducesThePublishedRidgeModel() {
    assertThat(model.predictMb(3.63, 200)).isCloseTo(21_157, withPercentage(0.5));
    assertThat(model.predictMb(1.37, 60)).isCloseTo(4_823, withPercentage(0.5));
    FitQuality q = model.quality(MemorySamplesCsv.published());
    assertThat(q.samples()).isEqualTo(28);
    assertThat(q.maeMb()).isCloseTo(292.6, withPercentage(0.5));
    assertThat(q.maxErrorMb()).isGreaterThanOrEqualTo(q.maeMb());
  }

  @Test
  void localPredictionsEqualThePipelinesOwnTransform() {
    List<Row> rows =
        model.transform(MemoryModel.frame(spark, MemorySamplesCsv.published())).collectAsList();
    assertThat(rows).hasSize(28);
    for (Row r : rows) {
      double local =
          model.predictMb(
              r.getAs(MemoryModel.MODEL_SIZE), r.<Integer>getAs(MemoryModel.BATCH_SIZE));
      assertThat(local).isCloseTo(r.getAs(MemoryModel.PREDICTION), within(1e-6));
    }
  }

  @Test
  void aSavedModelLoadsAsAStandardPipelineModelWithTheSamePredictions(@TempDir Path dir) {
    String path = dir.resolve("memory-model").toUri().toString();
    model.save(path);
    MemoryModel loaded = MemoryModel.load(path);
    assertThat(loaded.pipeline().stages()).hasSize(3);
    assertThat(loaded.predictMb(3.63, 200)).isEqualTo(model.predictMb(3.63, 200));
    assertThatThrownBy(() -> MemoryModel.load(dir.resolve("nothing").toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing");
  }

  @Test
  void ridgeAlphaShrinksTowardTheMean() {
    // With a huge alpha every coefficient is pushed to zero and predictions to the mean label.
    List<MemorySample> samples = MemorySamplesCsv.published();
    double mean = samples.stream().mapToDouble(MemorySample::gpuMb).average().orElseThrow();
    MemoryModel flat = MemoryModel.fit(spark, samples, 1e12);
    assertThat(flat.predictMb(1.0, 10)).isCloseTo(mean, withPercentage(0.1));
    assertThat(flat.predictMb(4.0, 150)).isCloseTo(mean, withPercentage(0.1));
    assertThat(MemoryModel.fit(spark, samples, 0).quality(samples).maeMb())
        .isLessThanOrEqualTo(model.quality(samples).maeMb() + 1e-6);
  }

  @Test
  void theBatchSolverFindsTheLargestBatchUnderTheBudget() {
    BatchSizeSolver solver = new BatchSizeSolver(model);
    int b = solver.largestBatch(3.63, 16_000, 500);
    assertThat(model.predictMb(3.63, b)).isLessThanOrEqualTo(15_500);
    assertThat(model.predictMb(3.63, b + 1)).isGreaterThan(15_500);
    assertThat(b).isBetween(100, 200);
    // More memory never means a smaller batch; a larger margin never a larger one.
    assertThat(solver.largestBatch(3.63, 24_000, 500)).isGreaterThan(b);
    assertThat(solver.largestBatch(3.63, 16_000, 2_000)).isLessThan(b);
    assertThatThrownBy(() -> solver.largestBatch(3.63, 1_000, 500))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batch 1");
  }

  @Test
  void bothBatchRulesAgreeWithABruteForceScanOfTheModel() {
    BatchSizeSolver solver = new BatchSizeSolver(model);
    for (double size : new double[] {0.5, 1.37, 3.63, 5.3}) {
      for (double gpu : new double[] {6_000, 11_000, 16_000, 24_000, 40_000}) {
        for (double margin : new double[] {0, 500, 2_000}) {
          double budget = gpu - margin;
          // every batch's prediction, then the first batch predicted at or over the budget
          int first = 1;
          while (first < 20_000 && !(model.predictMb(size, first) >= budget)) {
            first++;
          }
          String at = size + " MB params, " + gpu + " MB, margin " + margin;
          assertThat(solver.firstBatchReachingBudget(size, gpu, margin)).as(at).isEqualTo(first);
          if (first > 1) {
            assertThat(solver.largestBatch(size, gpu, margin)).as(at).isEqualTo(first - 1);
          }
        }
      }
    }
    // With too little memory batch_train.py still trains at 1; the other rule refuses.
    assertThat(solver.firstBatchReachingBudget(3.63, 1_000, 500)).isEqualTo(1);
    assertThat(model.predictMb(3.63, 1)).isGreaterThan(500);
  }

  @Test
  void badSampleFilesNameTheLineAndTheProblem() {
    assertThatThrownBy(() -> parse("a,b,c\n3.81,104,11932\n1.37,x,5089\n"))
        .hasMessage("t.csv line 3: '1.37,x,5089' is not three numbers");
    assertThatThrownBy(() -> parse("a,b,c\n3.81,104\n")).hasMessageContaining("line 2: expected 3");
    assertThatThrownBy(() -> parse("a,b,c\n3.81,-4,100\n"))
        .hasMessageContaining("line 2: batch size -4 is not positive");
    assertThatThrownBy(() -> parse("a,b,c\n3.81,4,100\n")).hasMessageContaining("at least 6");
  }

  private static List<MemorySample> parse(String text) throws Exception {
    return MemorySamplesCsv.parse(
        "t.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
