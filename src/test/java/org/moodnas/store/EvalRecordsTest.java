package org.moodnas.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvalCandidate;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.spark.SparkSessions;

/** eval_trials and eval_epochs keep top-5 accuracies, also in tables written before they did. */
class EvalRecordsTest {

  private static final List<String> NEW_EPOCH_COLUMNS =
      List.of("valid_top5", "test_loss", "test_acc", "test_top5");

  @TempDir Path dir;

  @Test
  void anImageNetEvaluationRecordsTopFiveIntoTablesThatPredateIt() {
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    Warehouse warehouse = new Warehouse(spark, dir.resolve("wh").toString());
    // eval_epochs and eval_trials as an older version wrote them: no top-5 or per-epoch test
    // columns
    writeEmpty(spark, warehouse, Tables.EVAL_EPOCHS, NEW_EPOCH_COLUMNS);
    writeEmpty(spark, warehouse, Tables.EVAL_TRIALS, List.of("valid_top5", "test_top5"));

    Genotype g = GenotypeRegistry.bundled().get("PC_DARTS_image");
    EvalSpec spec = EvalSpec.DEFAULTS.withData(new DataSource(DatasetKind.IMAGENET, "/i", 1));
    List<EvalEpoch> epochs =
        List.of(
            new EvalEpoch(0, 0.1, 6.5, 0.01, null, null, null, 6.2, 0.02, 0.08, 0, 10),
            new EvalEpoch(1, 0.2, 6.0, 0.03, null, null, null, 5.9, 0.04, 0.12, 3, 10));
    EvalResult r = EvalResult.ok(g, 5_300_000L, epochs, null, "cpu", 1024, 20);
    new EvalRecords(warehouse)
        .record(
            "in-1",
            new EvalCandidate("PC_DARTS_image", g, null, null),
            spec,
            r,
            Instant.now(),
            Instant.now());

    List<Row> rows = warehouse.read(Tables.EVAL_EPOCHS).orderBy("epoch").collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).<Double>getAs("test_acc")).isEqualTo(0.04);
    assertThat(rows.get(1).<Double>getAs("test_top5")).isEqualTo(0.12);
    assertThat(rows.get(0).<Double>getAs("test_loss")).isEqualTo(6.2);
    assertThat(rows.get(0).<Object>getAs("valid_top5")).isNull();
    Row trial = warehouse.read(Tables.EVAL_TRIALS).collectAsList().get(0);
    assertThat(trial.<Double>getAs("test_acc")).isEqualTo(0.04);
    assertThat(trial.<Double>getAs("test_top5")).isEqualTo(0.12);
    assertThat(trial.<Object>getAs("valid_top5")).isNull();
  }

  private static void writeEmpty(
      SparkSession spark, Warehouse warehouse, Tables table, List<String> without) {
    StructType old =
        new StructType(
            Arrays.stream(table.schema().fields())
                .filter(f -> !without.contains(f.name()))
                .toArray(StructField[]::new));
    spark.createDataFrame(List.<Row>of(), old).write().format("delta").save(warehouse.path(table));
    assertThat(warehouse.read(table).columns()).doesNotContain(without.toArray(String[]::new));
  }
}
