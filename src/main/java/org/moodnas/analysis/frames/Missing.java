package org.moodnas.analysis.frames;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** The {@code missing} column of a result table: what a row lacks, "; "-joined, else null. */
final class Missing {

  private Missing() {}

  /** The reasons that apply (each null when it does not), or null when none does. */
  static Column of(Column... reasons) {
    Column joined = concat_ws("; ", reasons);
    return when(joined.equalTo(""), null).otherwise(joined);
  }

  /** "no latency" for a profiled row ({@code profiled} not null) with neither latency. */
  static Column noLatency(Column profiled) {
    return when(
        profiled
            .isNotNull()
            .and(col("latency_cpu_ms").isNull())
            .and(col("latency_gpu_ms").isNull()),
        "no latency");
  }
}
