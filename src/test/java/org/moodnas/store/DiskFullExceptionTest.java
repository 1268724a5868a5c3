package org.moodnas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.spark.SparkSessions;

/**
 * A full disk is recognized in the chains it really arrives in: a Spark task whose Hadoop write hit
 * {@code /dev/full} (every write fails with ENOSPC, as on a full file system) fails its job with a
 * SparkException, which a table write wraps once more ([TASK_WRITE_FAILED], no word of the disk).
 */
class DiskFullExceptionTest {

  @Test
  void aTaskWriteOnAFullDiskIsFoundInTheJobFailureAndOtherFailuresAreNot(@TempDir Path dir)
      throws Exception {
    Path full = dir.resolve("part-00000.parquet");
    Files.createSymbolicLink(full, Path.of("/dev/full"));
    Path blocked = dir.resolve("a-file");
    Files.writeString(blocked, "x");
    SparkSession spark = SparkSessions.getOrCreate("local[2]");

    Throwable diskFull = catchThrowable(() -> writeInATask(spark, full.toString()));
    assertThat(DiskFullException.causedBy(diskFull)).isTrue();
    // as a table write gets it: Spark's TASK_WRITE_FAILED around the task's failure
    Throwable wrapped = new IllegalStateException("[TASK_WRITE_FAILED] writing rows", diskFull);
    assertThat(DiskFullException.causedBy(wrapped)).isTrue();

    // a file in the way of a folder is a write failure too, but not a full disk
    Throwable other =
        catchThrowable(() -> writeInATask(spark, blocked.resolve("x/part.parquet").toString()));
    assertThat(other).isNotNull();
    assertThat(DiskFullException.causedBy(other)).isFalse();

    // the warehouse's own: the path written, once, as the message
    DiskFullException named = new DiskFullException("/wh/search_trials", diskFull);
    assertThat(named).hasMessage("/wh/search_trials: no space left on device");
    assertThat(DiskFullException.in(new IllegalStateException("trial failed", named)))
        .containsSame(named);
  }

  private static void writeInATask(SparkSession spark, String path) {
    spark
        .range(1)
        .toJavaRDD()
        .foreachPartition(
            rows -> {
              FileSystem fs = FileSystem.getLocal(new Configuration());
              try (FSDataOutputStream out = fs.create(new org.apache.hadoop.fs.Path(path), true)) {
                out.write("row".getBytes(StandardCharsets.UTF_8));
              }
            });
  }
}
