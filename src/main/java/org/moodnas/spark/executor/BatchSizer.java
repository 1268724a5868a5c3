package org.moodnas.spark.executor;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;
import java.util.Collections;
import java.util.List;
import org.moodnas.core.BatchRule;
import org.moodnas.core.BatchSizing;
import org.moodnas.core.DeviceSpec;
import org.moodnas.memory.BatchSizeSolver;
import org.moodnas.memory.MemoryModel;

/** An evaluation's first batch, and the GPU memory its training held. */
final class BatchSizer {

  private BatchSizer() {}

  /**
   * The batch the sizing fixes; else, on GPUs, the memory model's batch for their free memory by
   * the sizing's rule (one shard per device); else {@code specBatch}.
   */
  static int firstBatch(
      BatchSizing sizing, MemoryModel model, DeviceSpec device, double paramsMb, int specBatch) {
    if (sizing.batchSize() != null) {
      return sizing.batchSize();
    }
    if (!device.gpu()) {
      return specBatch;
    }
    List<Double> freeMb =
        device.indices().stream()
            .map(BatchSizer::memory)
            .map(m -> mb(m.getMax() - m.getCommitted()))
            .toList();
    return shardedBatch(
        new BatchSizeSolver(model), sizing.batchRule(), paramsMb, freeMb, sizing.marginMb());
  }

  /**
   * A data-parallel batch: every device trains a shard with its own copy of the network (the memory
   * model's single-GPU training at the shard's batch), so the batch is the shard the device with
   * the least free memory gets by {@code rule}, once per device.
   */
  static int shardedBatch(
      BatchSizeSolver solver,
      BatchRule rule,
      double paramsMb,
      List<Double> freeMb,
      double marginMb) {
    double free = Collections.min(freeMb);
    int shard =
        rule == BatchRule.PUBLISHED
            ? solver.firstBatchReachingBudget(paramsMb, free, marginMb)
            : solver.largestBatch(paramsMb, free, marginMb);
    return shard * freeMb.size();
  }

  /**
   * The GPU memory this process holds on the fullest of the trial's devices (PyTorch keeps its
   * cache, so about the training's peak there).
   */
  static Double usedGpuMb(DeviceSpec device) {
    if (!device.gpu()) {
      return null;
    }
    return mb(
        device.indices().stream()
            .map(BatchSizer::memory)
            .mapToLong(MemoryUsage::getCommitted)
            .max()
            .orElseThrow());
  }

  private static MemoryUsage memory(int gpu) {
    return CudaUtils.getGpuMemory(Device.gpu(gpu));
  }

  private static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
