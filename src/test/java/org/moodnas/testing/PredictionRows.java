package org.moodnas.testing;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.moodnas.analysis.ensemble.Logits;
import org.moodnas.analysis.ensemble.MemberKey;
import org.moodnas.store.Tables;

/**
 * Rows of the predictions table's columns from logits held in memory (scored on the driver with
 * {@link Logits#of}, or written by hand): the reference the ensemble transforms are checked
 * against.
 */
public final class PredictionRows {

  /** The predictions table's columns. */
  public static final StructType SCHEMA = Tables.PREDICTIONS.schema();

  private PredictionRows() {}

  /** One row per sample of {@code logits}, numbered in their order. */
  public static List<Row> of(MemberKey key, String hash, String split, Logits logits) {
    List<Row> rows = new ArrayList<>(logits.samples());
    for (int s = 0; s < logits.samples(); s++) {
      rows.add(
          RowFactory.create(
              key.runId(),
              key.member(),
              hash,
              split,
              (long) s,
              logits.labels()[s],
              boxed(logits.values()[s])));
    }
    return rows;
  }

  private static Float[] boxed(float[] v) {
    Float[] out = new Float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
