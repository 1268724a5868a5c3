package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a reader is shown of a table: the columns no row has a value in are left out (a search's
 * table has no training figures, a CIFAR evaluation no top-5): "missing" in every row would read as
 * a gap. The CSV files and result_tables keep every column.
 */
public final class EmptyColumns {

  private EmptyColumns() {}

  /** The frame without its columns that are null in every row (all of them if it has no rows). */
  public static Dataset<Row> dropped(Dataset<Row> frame) {
    String[] columns = frame.columns();
    // one job: the row count, then each column's count of values
    Row counts =
        frame
            .agg(
                count(lit(1)),
                Arrays.stream(columns).map(c -> count(col(c))).toArray(Column[]::new))
            .head();
    List<String> empty = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      if (counts.getLong(0) > 0 && counts.getLong(i + 1) == 0) {
        empty.add(columns[i]);
      }
    }
    return frame.drop(empty.toArray(String[]::new));
  }
}
