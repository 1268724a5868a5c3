package org.moodnas.analysis.ensemble;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.moodnas.core.DeviceSpec;
import org.moodnas.data.DataFeed;
import org.moodnas.data.ImageSource;
import org.moodnas.train.Devices;
import org.moodnas.train.EvalCheckpoint;

/**
 * A predictions frame scored on the driver: each member's checkpoint run over a set with {@link
 * Logits#of}, its logits handed to Spark as rows of the predictions table's columns. A stand-in for
 * members of a run whose predictions were not recorded: it holds every logit in driver memory while
 * it builds the frame, which the recorded {@code predictions} table avoids.
 */
public final class DriverPredictions {

  /** The columns of a predictions frame (the predictions table's). */
  public static final StructType SCHEMA =
      new StructType()
          .add(PredictionsFrame.RUN_ID, DataTypes.StringType, false)
          .add(PredictionsFrame.MEMBER, DataTypes.StringType, false)
          .add("genotype_hash", DataTypes.StringType, true)
          .add("split", DataTypes.StringType, false)
          .add(PredictionsFrame.SAMPLE, DataTypes.LongType, false)
          .add(PredictionsFrame.LABEL, DataTypes.IntegerType, false)
          .add(
              PredictionsFrame.LOGITS,
              DataTypes.createArrayType(DataTypes.FloatType, false),
              false);

  private DriverPredictions() {}

  /** A scored member: its key, its checkpoint. */
  public record Scored(MemberKey key, String checkpoint) {}

  /**
   * The frame of {@code members} scored on {@code set} (test-time transform of {@code feed}) under
   * the split name {@code split}; samples are numbered in the set's order.
   */
  public static Dataset<Row> of(
      SparkSession spark,
      List<Scored> members,
      DeviceSpec device,
      DataFeed feed,
      ImageSource set,
      String split) {
    List<Row> rows = new ArrayList<>();
    for (Scored s : members) {
      try (NDManager manager = NDManager.newBaseManager(Devices.of(device))) {
        EvalCheckpoint.Loaded loaded = EvalCheckpoint.load(s.checkpoint(), manager);
        String hash = loaded.checkpoint().spec().genotype().hash();
        rows.addAll(rows(s.key(), hash, split, Logits.of(loaded.network(), manager, feed, set)));
      }
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** One row per sample of {@code logits}. */
  public static List<Row> rows(MemberKey key, String hash, String split, Logits logits) {
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
