package org.moodnas.analysis.ensemble;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A frame of members' logits, one row per (member, sample) with the columns of the predictions
 * table: {@code run_id}, {@code member}, {@code sample}, {@code label}, {@code logits}
 * (array&lt;float&gt;). The ensemble transforms read it through here: each row gets the index of
 * its member in the ensemble ({@code m}), the row order of the weights matrix.
 */
public final class PredictionsFrame {

  static final String RUN_ID = "run_id";
  static final String MEMBER = "member";
  static final String SAMPLE = "sample";
  static final String LABEL = "label";
  static final String LOGITS = "logits";

  /** The member's index in the ensemble (a column the transforms add). */
  static final String M = "m";

  private PredictionsFrame() {}

  /**
   * The rows of {@code members} in {@code frame}, each with its member's index {@code m} and {@code
   * extra} (one value per member, of type {@code extraType}; none when null) joined from a
   * broadcast table of the members: rows of other members are left out.
   */
  static Dataset<Row> indexed(
      Dataset<Row> frame,
      List<MemberKey> members,
      String extra,
      org.apache.spark.sql.types.DataType extraType,
      List<?> extraValues) {
    StructType schema =
        new StructType()
            .add(RUN_ID, DataTypes.StringType, false)
            .add(MEMBER, DataTypes.StringType, false)
            .add(M, DataTypes.IntegerType, false);
    if (extra != null) {
      schema = schema.add(extra, extraType, false);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      MemberKey k = members.get(i);
      rows.add(
          extra == null
              ? RowFactory.create(k.runId(), k.member(), i)
              : RowFactory.create(k.runId(), k.member(), i, extraValues.get(i)));
    }
    Dataset<Row> index = frame.sparkSession().createDataFrame(rows, schema);
    return frame.join(broadcast(index), new String[] {RUN_ID, MEMBER});
  }

  /** The classes the members score: the length of one row's logits. */
  static int classes(Dataset<Row> frame) {
    List<Row> one = frame.select(size(col(LOGITS))).limit(1).collectAsList();
    if (one.isEmpty()) {
      throw new IllegalArgumentException("the predictions frame has no rows");
    }
    return one.get(0).getInt(0);
  }
}
