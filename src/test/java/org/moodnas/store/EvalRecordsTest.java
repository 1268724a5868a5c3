package org.moodnas.store;

import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
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

/**
 * eval_trials and eval_epochs keep top-5 accuracies, and result_tables the analysis's, also in
 * tables written before they had those columns.
 */
class EvalRecordsTest {

  private static final List<String> NEW_EPOCH_COLUMNS =
      List.of("valid_top5", "test_loss", "test_acc", "test_top5", "skipped_images");

  @TempDir Path dir;

  @Test
  void anImageNetEvaluationRecordsTopFiveIntoTablesThatPredateIt() {
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    Warehouse warehouse = new Warehouse(spark, dir.resolve("wh").toString());
    // eval_epochs and eval_trials as an older version wrote them: no top-5 or per-epoch test
    // columns
    writeEmpty(spark, warehouse, Tables.EVAL_EPOCHS, NEW_EPOCH_COLUMNS);
    writeEmpty(
        spark, warehouse, Tables.EVAL_TRIALS, List.of("valid_top5", "test_top5", "skipped_images"));

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
    assertThat(rows.get(1).<Integer>getAs("skipped_images")).isEqualTo(3);
    Row trial = warehouse.read(Tables.EVAL_TRIALS).collectAsList().get(0);
    assertThat(trial.<Double>getAs("test_acc")).isEqualTo(0.04);
    assertThat(trial.<Double>getAs("test_top5")).isEqualTo(0.12);
    assertThat(trial.<Object>getAs("valid_top5")).isNull();
    assertThat(trial.<Integer>getAs("skipped_images")).isEqualTo(3); // the last epoch's
  }

  private static void writeEmpty(
      SparkSession spark, Warehouse warehouse, Tables table, List<String> without) {
    StructType old =
        new StructType(
            Arrays.stream(table.schema().fields())
                .filter(f -> !without.contains(f.name()))
                .toArray(StructField[]::new));
    spark.createDataFrame(List.<Row>of(), old).write().format("delta").save(warehouse.path(table));
    String[] missing = without.toArray(String[]::new);
    assertThat(spark.read().format("delta").load(warehouse.path(table)).columns())
        .doesNotContain(missing);
    // read as if the table had them: null until an append merges them in
    assertThat(warehouse.read(table).columns()).contains(missing);
  }

  @Test
  void anAnalysisWithTopFiveReplacesRowsOfAResultTableThatPredatesIt() {
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    Warehouse warehouse = new Warehouse(spark, dir.resolve("wh").toString());
    writeEmpty(spark, warehouse, Tables.RESULT_TABLES, List.of("valid_top5", "test_top5"));
    Column[] row =
        Arrays.stream(Tables.RESULT_TABLES.schema().fields())
            .filter(f -> !f.name().equals("analysed_at"))
            .map(f -> value(f.name()).cast(f.dataType()).as(f.name()))
            .toArray(Column[]::new);
    new ResultTables(warehouse).replace("t", spark.range(1).select(row));
    Row read = new ResultTables(warehouse).read("t").collectAsList().get(0);
    assertThat(read.<Double>getAs("test_top5")).isEqualTo(80.0);
    assertThat(read.<Double>getAs("test_acc")).isEqualTo(55.0);
    assertThat(read.<Object>getAs("valid_top5")).isNull();
  }

  private static Column value(String column) {
    return switch (column) {
      case "run_id" -> lit("t");
      case "kind" -> lit("train");
      case "test_acc" -> lit(55.0);
      case "test_top5" -> lit(80.0);
      default -> lit(null);
    };
  }
}
