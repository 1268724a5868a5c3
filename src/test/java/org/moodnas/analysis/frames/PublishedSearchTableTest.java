package org.moodnas.analysis.frames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.ResultColumns;

/**
 * The search table as the published analysis writes it: the trials no other trial dominates, first
 * of equal points kept, named among themselves, by ν descending, under the published headers.
 */
class PublishedSearchTableTest {

  @Test
  void keepsTheNonDominatedTrialsAndOfEqualOnesTheFirst() {
    List<double[]> points =
        List.of(
            new double[] {1, 3}, // kept
            new double[] {2, 2}, // kept until point 4
            new double[] {2, 2}, // equal to point 1: dropped, point 1 came first
            new double[] {3, 3}, // dominated by point 1
            new double[] {1.5, 1}); // drops point 1
    assertThat(PublishedSearchTable.nonDominated(points)).containsExactly(0, 4);
  }

  @Test
  void aTrialLowerInOneObjectiveOnlyStays() {
    List<double[]> points = List.of(new double[] {2, 1}, new double[] {1, 2}, new double[] {2, 1});
    assertThat(PublishedSearchTable.nonDominated(points)).containsExactly(0, 1);
  }

  @Test
  void namesTheKeptTrialsAmongThemselves() {
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    StructType schema = new StructType();
    for (String c : PublishedSearchTable.COLUMNS.values()) {
      schema =
          schema.add(
              c,
              c.equals(ResultColumns.MODEL_NAME)
                  ? DataTypes.StringType
                  : c.equals(ResultColumns.PARAMS) || c.equals(ResultColumns.FLOPS)
                      ? DataTypes.LongType
                      : DataTypes.DoubleType,
              true);
    }
    // in trial order; a failed trial (no losses) is no point of the front. Among all four ν, 0.0021
    // and 0.0022 need two digits (21e04, 22e04); the
    // second is dominated, so among the kept ones 0.0021 needs one: 2e03.
    Dataset<Row> results =
        spark.createDataFrame(
            List.of(
                row("l2_loss_2e01", 0.2, 2.0, 1.2, 2.0),
                failed("l2_loss_5e02", 0.05),
                row("l2_loss_21e04", 0.0021, 0.9, 3.0, 0.9),
                row("l2_loss_22e04", 0.0022, 0.8, 3.5, 1.0),
                row("l2_loss_0e00", 0.0, 0.95, 10.0, 0.8)),
            schema);
    List<Row> table = PublishedSearchTable.of(results, "l2").collectAsList();
    assertThat(table)
        .extracting(r -> r.getString(0))
        .containsExactly("l2_loss_2e01", "l2_loss_2e03", "l2_loss_0e00");
    assertThat(table).extracting(r -> r.getDouble(1)).containsExactly(0.2, 0.0021, 0.0);
    assertThat(PublishedSearchTable.of(results, "l2").columns())
        .startsWith("Model name", "Weight", "Params", "Search train acc", "Search valid acc");
    assertThat(PublishedSearchTable.ours(PublishedSearchTable.of(results, "l2")).columns())
        .containsExactlyElementsOf(PublishedSearchTable.COLUMNS.values());
  }

  private static Row failed(String name, double nu) {
    return RowFactory.create(name, nu, null, null, null, null, null, null, null, null, null);
  }

  /** A trial: name, ν, size, search accuracy, cross-entropy and regularization loss. */
  private static Row row(String name, double nu, double size, double reg, double crit) {
    return RowFactory.create(name, nu, size, 50.0, 40.0, crit, reg, 1000L, 5000L, null, 3.0);
  }
}
