package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * The {@code profiles} table (written by the store's {@code Profiles}) summarized, one row per
 * genotype and network setting: its counts, and the latest latency measured on a CPU and on a GPU
 * (at whatever batch each was measured; the batch is kept beside it).
 */
public final class ProfileSummaries {

  /** What identifies a network whose profile is looked up. */
  static final String[] SETTING = {"genotype_hash", "init_channels", "layers", "classes"};

  private ProfileSummaries() {}

  /** The genotype hash of a canonical genotype JSON column, as {@code Genotype.hash()} gives it. */
  public static Column hash(Column genotypeJson) {
    return functions.substring(functions.sha2(genotypeJson, 256), 1, 16);
  }

  /**
   * genotype_hash, init_channels, layers, classes, params, params_with_aux, flops, latency_cpu_ms,
   * latency_cpu_batch, latency_gpu_ms, latency_gpu_batch.
   */
  public static Dataset<Row> summary(Dataset<Row> profiles) {
    Column[] keys = keys();
    Dataset<Row> latest =
        profiles
            .where(col("latency_ms").isNotNull())
            .withColumn(
                "_n",
                row_number()
                    .over(
                        Window.partitionBy(
                                col("genotype_hash"),
                                col("init_channels"),
                                col("layers"),
                                col("classes"),
                                col("latency_device"))
                            .orderBy(col("measured_at").desc())))
            .where(col("_n").equalTo(1))
            .groupBy(keys)
            .agg(
                latency("cpu", "latency_ms").as("latency_cpu_ms"),
                latency("cpu", "batch_size").as("latency_cpu_batch"),
                latency("gpu", "latency_ms").as("latency_gpu_ms"),
                latency("gpu", "batch_size").as("latency_gpu_batch"));
    Dataset<Row> counts =
        profiles
            .groupBy(keys)
            .agg(
                first("params").as("params"),
                first("params_with_aux").as("params_with_aux"),
                first("flops").as("flops"));
    return counts.join(latest, scala(SETTING), "left");
  }

  private static Column latency(String device, String column) {
    return max(when(col("latency_device").equalTo(device), col(column)));
  }

  private static Column[] keys() {
    Column[] keys = new Column[SETTING.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = col(SETTING[i]);
    }
    return keys;
  }

  static scala.collection.immutable.Seq<String> scala(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(java.util.List.of(names)).toList();
  }
}
