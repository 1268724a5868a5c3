package org.moodnas.spark.executor;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;
import org.moodnas.core.BatchSizing;
import org.moodnas.core.DeviceSpec;
import org.moodnas.memory.BatchSizeSolver;
import org.moodnas.memory.MemoryModel;

/** An evaluation's first batch, and the GPU memory its training held. */
final class BatchSizer {

  private BatchSizer() {}

  /**
   * The batch the sizing fixes; else, on a GPU, the largest the memory model fits in the free
   * memory; else {@code specBatch}.
   */
  static int firstBatch(
      BatchSizing sizing, MemoryModel model, DeviceSpec device, double paramsMb, int specBatch) {
    if (sizing.batchSize() != null) {
      return sizing.batchSize();
    }
    if (!device.gpu()) {
      return specBatch;
    }
    MemoryUsage mem = CudaUtils.getGpuMemory(Device.gpu(device.index()));
    double freeMb = (mem.getMax() - mem.getCommitted()) / (1024.0 * 1024.0);
    return new BatchSizeSolver(model).largestBatch(paramsMb, freeMb, sizing.marginMb());
  }

  /** The GPU memory this process holds (PyTorch keeps its cache, so about the training's peak). */
  static Double usedGpuMb(DeviceSpec device) {
    if (!device.gpu()) {
      return null;
    }
    return CudaUtils.getGpuMemory(Device.gpu(device.index())).getCommitted() / (1024.0 * 1024.0);
  }
}
