package org.moodnas.store;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta tables of a warehouse and their schemas (docs/tables.md; column names are user
 * interface).
 */
public enum Tables {
  RUNS(
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("kind", DataTypes.StringType, false)
          .add("status", DataTypes.StringType, false)
          .add("dataset", DataTypes.StringType, true)
          .add("objective", DataTypes.StringType, true)
          .add("config", DataTypes.StringType, true)
          .add("code_version", DataTypes.StringType, true)
          .add("created_at", DataTypes.TimestampType, false)
          .add("finished_at", DataTypes.TimestampType, true)),
  SEARCH_TRIALS(
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("trial_index", DataTypes.IntegerType, false)
          .add("objective", DataTypes.StringType, false)
          .add("reg_weight", DataTypes.DoubleType, false)
          .add("criterion_weight", DataTypes.DoubleType, false)
          .add("weight_decay", DataTypes.DoubleType, true)
          .add("status", DataTypes.StringType, false)
          .add("error", DataTypes.StringType, true)
          .add("reg_loss", DataTypes.DoubleType, true)
          .add("criterion_loss", DataTypes.DoubleType, true)
          .add("reg_loss_epoch_mean", DataTypes.DoubleType, true)
          .add("criterion_loss_epoch_mean", DataTypes.DoubleType, true)
          .add("l1_loss", DataTypes.DoubleType, true)
          .add("l2_loss", DataTypes.DoubleType, true)
          .add("train_acc", DataTypes.DoubleType, true)
          .add("valid_acc", DataTypes.DoubleType, true)
          .add("model_size_mb", DataTypes.DoubleType, true)
          .add("supernet_params", DataTypes.LongType, true)
          .add("skipped_images", DataTypes.IntegerType, true)
          .add("genotype", DataTypes.StringType, true)
          .add("device", DataTypes.StringType, true)
          .add("attempt", DataTypes.IntegerType, true)
          .add("started_at", DataTypes.TimestampType, true)
          .add("finished_at", DataTypes.TimestampType, true)
          .add("duration_s", DataTypes.DoubleType, true)
          .add("speculative", DataTypes.BooleanType, true)
          .add("gap_from_nu", DataTypes.DoubleType, true)
          .add("gap_to_nu", DataTypes.DoubleType, true)),
  SEARCH_EPOCHS(
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("trial_index", DataTypes.IntegerType, false)
          .add("epoch", DataTypes.IntegerType, false)
          .add("lr", DataTypes.DoubleType, true)
          .add("train_loss", DataTypes.DoubleType, true)
          .add("train_acc", DataTypes.DoubleType, true)
          .add("criterion_loss", DataTypes.DoubleType, true)
          .add("l1_loss", DataTypes.DoubleType, true)
          .add("l2_loss", DataTypes.DoubleType, true)
          .add("last_criterion_loss", DataTypes.DoubleType, true)
          .add("last_l1_loss", DataTypes.DoubleType, true)
          .add("last_l2_loss", DataTypes.DoubleType, true)
          .add("valid_acc", DataTypes.DoubleType, true)
          .add("genotype", DataTypes.StringType, true)
          .add("skipped_images", DataTypes.IntegerType, true)
          .add("seconds", DataTypes.DoubleType, true)),
  EVAL_TRIALS(
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("arch", DataTypes.StringType, false)
          .add("genotype", DataTypes.StringType, false)
          .add("source_run_id", DataTypes.StringType, true)
          .add("reg_weight", DataTypes.DoubleType, true)
          .add("dataset", DataTypes.StringType, false)
          .add("init_channels", DataTypes.IntegerType, false)
          .add("layers", DataTypes.IntegerType, false)
          .add("auxiliary", DataTypes.BooleanType, false)
          .add("cutout", DataTypes.BooleanType, false)
          .add("epochs", DataTypes.IntegerType, false)
          .add("batch_size", DataTypes.IntegerType, true)
          .add("predicted_memory_mb", DataTypes.DoubleType, true)
          .add("attempts", DataTypes.IntegerType, true)
          .add("status", DataTypes.StringType, false)
          .add("error", DataTypes.StringType, true)
          .add("params", DataTypes.LongType, true)
          .add("param_size_mb", DataTypes.DoubleType, true)
          .add("train_loss", DataTypes.DoubleType, true)
          .add("train_acc", DataTypes.DoubleType, true)
          .add("valid_loss", DataTypes.DoubleType, true)
          .add("valid_acc", DataTypes.DoubleType, true)
          .add("valid_top5", DataTypes.DoubleType, true)
          .add("test_loss", DataTypes.DoubleType, true)
          .add("test_acc", DataTypes.DoubleType, true)
          .add("test_top5", DataTypes.DoubleType, true)
          .add("skipped_images", DataTypes.IntegerType, true)
          .add("checkpoint", DataTypes.StringType, true)
          .add("device", DataTypes.StringType, true)
          .add("started_at", DataTypes.TimestampType, true)
          .add("finished_at", DataTypes.TimestampType, true)
          .add("duration_s", DataTypes.DoubleType, true)),
  EVAL_EPOCHS(
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("arch", DataTypes.StringType, false)
          .add("epoch", DataTypes.IntegerType, false)
          .add("lr", DataTypes.DoubleType, true)
          .add("train_loss", DataTypes.DoubleType, true)
          .add("train_acc", DataTypes.DoubleType, true)
          .add("valid_loss", DataTypes.DoubleType, true)
          .add("valid_acc", DataTypes.DoubleType, true)
          .add("valid_top5", DataTypes.DoubleType, true)
          .add("test_loss", DataTypes.DoubleType, true)
          .add("test_acc", DataTypes.DoubleType, true)
          .add("test_top5", DataTypes.DoubleType, true)
          .add("skipped_images", DataTypes.IntegerType, true)
          .add("seconds", DataTypes.DoubleType, true)),
  ENSEMBLES(
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("source_run_id", DataTypes.StringType, false)
          .add("members", DataTypes.createArrayType(DataTypes.StringType), false)
          .add("mode", DataTypes.StringType, false)
          .add("weights", DataTypes.StringType, false)
          .add("params", DataTypes.LongType, false)
          .add("test_top1", DataTypes.DoubleType, false)
          .add("test_top5", DataTypes.DoubleType, false)
          .add("test_loss", DataTypes.DoubleType, true)
          .add("train_top1", DataTypes.DoubleType, true)
          .add("created_at", DataTypes.TimestampType, false)
          // added later: older rows read null
          .add("train_top5", DataTypes.DoubleType, true)
          .add("train_loss", DataTypes.DoubleType, true)
          .add("train_portion", DataTypes.DoubleType, true)
          .add("held_out_top1", DataTypes.DoubleType, true)),
  MEMORY_SAMPLES(
      new StructType()
          .add("model_size_mb", DataTypes.DoubleType, false)
          .add("batch_size", DataTypes.IntegerType, false)
          .add("gpu_mb", DataTypes.DoubleType, false)
          .add("source", DataTypes.StringType, false)
          .add("measured_at", DataTypes.TimestampType, true)),
  PROFILES(
      new StructType()
          .add("genotype_hash", DataTypes.StringType, false)
          .add("name", DataTypes.StringType, true)
          .add("genotype", DataTypes.StringType, false)
          .add("network", DataTypes.StringType, false)
          .add("init_channels", DataTypes.IntegerType, false)
          .add("layers", DataTypes.IntegerType, false)
          .add("classes", DataTypes.IntegerType, false)
          .add("params", DataTypes.LongType, false)
          .add("params_with_aux", DataTypes.LongType, false)
          .add("param_size_mb", DataTypes.DoubleType, false)
          .add("flops", DataTypes.LongType, false)
          .add("latency_ms", DataTypes.DoubleType, true)
          .add("latency_device", DataTypes.StringType, true)
          .add("batch_size", DataTypes.IntegerType, true)
          .add("warmup", DataTypes.IntegerType, true)
          .add("runs", DataTypes.IntegerType, true)
          .add("device", DataTypes.StringType, true)
          .add("source", DataTypes.StringType, false)
          .add("measured_at", DataTypes.TimestampType, false)
          // added later: older rows read null
          .add("latency_sync", DataTypes.StringType, true)),
  RESULT_TABLES(resultTable()),
  PREDICTIONS(
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("member", DataTypes.StringType, false)
          .add("genotype_hash", DataTypes.StringType, false)
          .add("split", DataTypes.StringType, false)
          .add("sample", DataTypes.LongType, false)
          .add("label", DataTypes.IntegerType, false)
          .add("logits", DataTypes.createArrayType(DataTypes.FloatType, false), false));

  private final StructType schema;

  Tables(StructType schema) {
    this.schema = schema;
  }

  /** One row per model of an analysed run, in the published columns (mood-nas analyse). */
  private static StructType resultTable() {
    return ResultColumns.schema().add("analysed_at", DataTypes.TimestampType, false);
  }

  public StructType schema() {
    return schema;
  }

  /** The table's name in Spark SQL and its folder under the warehouse. */
  public String tableName() {
    return name().toLowerCase();
  }
}
