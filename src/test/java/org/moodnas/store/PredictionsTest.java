package org.moodnas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.spark.SparkSessions;
import org.moodnas.store.Predictions.Split;

/** A member's predictions written again replace its rows; other members' and splits' stay. */
class PredictionsTest {

  @TempDir Path dir;

  @Test
  void writingAMembersPredictionsAgainReplacesOnlyItsRows() {
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    Warehouse wh = new Warehouse(spark, dir.resolve("wh").toString());
    Predictions p = new Predictions(wh);
    p.replace("r", "A", "aaaa", Split.TEST, scored(spark, 5, 1f));
    p.replace("r", "B", "bbbb", Split.TEST, scored(spark, 5, 2f));
    p.replace("r", "A", "aaaa", Split.WEIGHTS, scored(spark, 3, 3f));
    p.replace("r", "A", "aaaa", Split.TEST, scored(spark, 4, 9f));

    assertThat(p.members("r", Split.TEST)).containsExactly("A", "B");
    assertThat(count(p.of("r", List.of("A"), Split.TEST))).isEqualTo(4);
    assertThat(p.of("r", List.of("A"), Split.TEST).selectExpr("logits[0]").distinct().first())
        .isEqualTo(RowFactory.create(9f));
    assertThat(count(p.of("r", List.of("B"), Split.TEST))).isEqualTo(5);
    assertThat(count(p.of("r", null, Split.WEIGHTS))).isEqualTo(3);
    assertThat(count(p.of("other", null, Split.TEST))).isZero();
  }

  @Test
  void aFrameWithoutLogitsIsRefusedNamingTheMember() {
    SparkSession spark = SparkSessions.getOrCreate("local[2]");
    Warehouse wh = new Warehouse(spark, dir.resolve("wh").toString());
    assertThatThrownBy(
            () ->
                new Predictions(wh)
                    .replace("r", "A", "aaaa", Split.TEST, scored(spark, 2, 0f).drop("logits")))
        .hasMessageStartingWith("predictions of A: the scored frame has columns [sample, label]");
  }

  private static long count(Dataset<Row> rows) {
    return rows.count();
  }

  /** {@code n} samples of three classes, every logit {@code value}. */
  private static Dataset<Row> scored(SparkSession spark, int n, float value) {
    StructType schema =
        new StructType()
            .add("sample", DataTypes.LongType)
            .add("label", DataTypes.IntegerType)
            .add("logits", DataTypes.createArrayType(DataTypes.FloatType));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create((long) i, i % 3, new float[] {value, value, value}));
    }
    return spark.createDataFrame(rows, schema);
  }
}
