package org.moodnas.analysis.frames;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A Spearman correlation matrix: the figures it relates, values[i][j] (NaN where undefined), and
 * how many rows of the table it used and left out for a missing figure.
 */
public record SpearmanMatrix(
    List<String> names, double[][] values, long rowsUsed, long rowsLeftOut) {

  /** As a frame: a column {@code figure}, then one column per figure (null where undefined). */
  public Dataset<Row> toFrame() {
    StructType schema = new StructType().add("figure", DataTypes.StringType, false);
    for (String n : names) {
      schema = schema.add(n, DataTypes.DoubleType, true);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Object[] cells = new Object[names.size() + 1];
      cells[0] = names.get(i);
      for (int j = 0; j < names.size(); j++) {
        cells[j + 1] = Double.isNaN(values[i][j]) ? null : values[i][j];
      }
      rows.add(RowFactory.create(cells));
    }
    return SparkSession.active().createDataFrame(rows, schema);
  }
}
