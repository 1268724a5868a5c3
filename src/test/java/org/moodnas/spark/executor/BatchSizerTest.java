package org.moodnas.spark.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moodnas.core.BatchRule;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.FanOutSpec;
import org.moodnas.memory.BatchSizeSolver;
import org.moodnas.memory.MemoryModel;
import org.moodnas.spark.SparkSessions;

/** Batches of data-parallel trials, sized by the published memory model. */
class BatchSizerTest {

  static MemoryModel model;

  @BeforeAll
  static void fit() {
    model = MemoryModel.published(SparkSessions.getOrCreate("local[2]"));
  }

  @Test
  void aTrialOnSeveralGpusTakesTheLargestShardTheFullestOneHoldsOncePerDevice() {
    BatchSizeSolver solver = new BatchSizeSolver(model);
    double paramsMb = 3.63; // PC_DARTS_cifar
    double margin = 500;
    BatchRule under = BatchRule.UNDER_BUDGET;
    int one = BatchSizer.shardedBatch(solver, under, paramsMb, List.of(6000.0), margin);
    // one GPU: the largest batch whose prediction fits, the next one does not
    assertThat(model.predictMb(paramsMb, one)).isLessThanOrEqualTo(6000 - margin);
    assertThat(model.predictMb(paramsMb, one + 1)).isGreaterThan(6000 - margin);
    // batch_train.py's rule: the first batch that does not fit, here the next one
    assertThat(
            BatchSizer.shardedBatch(solver, BatchRule.PUBLISHED, paramsMb, List.of(6000.0), margin))
        .isEqualTo(one + 1);
    // two GPUs, one with less free memory: that one's shard, on each of the two
    int two = BatchSizer.shardedBatch(solver, under, paramsMb, List.of(11000.0, 6000.0), margin);
    assertThat(two).isEqualTo(2 * one);
    int four =
        BatchSizer.shardedBatch(
            solver, under, paramsMb, List.of(11000.0, 11000.0, 11000.0, 6000.0), margin);
    assertThat(four).isEqualTo(4 * one);
    assertThat(
            BatchSizer.shardedBatch(
                solver,
                BatchRule.PUBLISHED,
                paramsMb,
                List.of(11000.0, 11000.0, 11000.0, 6000.0),
                margin))
        .isEqualTo(4 * (one + 1));
    // the shard each device then trains is what the model was asked about
    assertThat(new DeviceSpec(true, List.of(0, 1, 2, 3)).largestShard(four)).isEqualTo(one);
  }

  @Test
  void aDeviceTrainsItsLargestShardOfTheBatch() {
    DeviceSpec two = new DeviceSpec(true, List.of(0, 1));
    assertThat(two.largestShard(96)).isEqualTo(48);
    assertThat(two.largestShard(97)).isEqualTo(49); // shards of 49 and 48
    assertThat(DeviceSpec.gpu(3).largestShard(96)).isEqualTo(96);
    assertThat(new FanOutSpec(2, 4).deviceBatch(10)).isEqualTo(3); // 3, 3, 2, 2
    assertThat(new FanOutSpec(2, null).deviceBatch(10)).isEqualTo(10);
    assertThat(new FanOutSpec(2, 0).deviceBatch(10)).isEqualTo(10); // the CPU: one device
  }
}
