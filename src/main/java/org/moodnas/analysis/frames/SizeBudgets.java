package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The best model per size budget: for each budget (MB of parameters), the most accurate model no
 * larger than it — what a user with that much room should deploy.
 */
public final class SizeBudgets {

  private SizeBudgets() {}

  /**
   * Budgets spanning the table's sizes in round steps (0.1, 0.25, 0.5, 1 … MB, at most 8 of them),
   * each the smallest step at or above some model's size.
   */
  public static List<Double> around(Dataset<Row> table) {
    Row r = table.where(col("size_mb").isNotNull()).agg(min("size_mb"), max("size_mb")).head();
    List<Double> budgets = new ArrayList<>();
    if (r.isNullAt(0)) {
      return budgets;
    }
    double lo = r.getDouble(0);
    double hi = r.getDouble(1);
    double step = 0.01;
    for (double s : new double[] {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50}) {
      step = s;
      if (Math.ceil(hi / s - 1e-9) - Math.ceil(lo / s - 1e-9) < 8) {
        break;
      }
    }
    long last = (long) Math.ceil(hi / step - 1e-9);
    for (long k = (long) Math.ceil(lo / step - 1e-9); k <= last; k++) {
      budgets.add(Math.round(k * step * 1e4) / 1e4);
    }
    return budgets;
  }

  /**
   * budget_mb, then the columns of the best row of {@code table} within it by {@code accuracy}
   * (higher is better; rows without it are not candidates); a budget no model fits is left out.
   */
  public static Dataset<Row> best(Dataset<Row> table, String accuracy, List<Double> budgets) {
    List<Row> rows = budgets.stream().map(b -> org.apache.spark.sql.RowFactory.create(b)).toList();
    Dataset<Row> b =
        table
            .sparkSession()
            .createDataFrame(
                rows,
                new org.apache.spark.sql.types.StructType()
                    .add("budget_mb", DataTypes.DoubleType, false));
    return b.join(
            table.where(col(accuracy).isNotNull()).where(col("size_mb").isNotNull()),
            col("size_mb").leq(col("budget_mb")))
        .withColumn(
            "_rank",
            row_number()
                .over(
                    Window.partitionBy("budget_mb")
                        .orderBy(col(accuracy).desc(), col("size_mb").asc())))
        .where(col("_rank").equalTo(lit(1)))
        .drop("_rank")
        .orderBy("budget_mb");
  }
}
