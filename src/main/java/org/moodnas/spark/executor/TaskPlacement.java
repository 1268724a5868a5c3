package org.moodnas.spark.executor;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.moodnas.core.DeviceSpec;
import org.moodnas.train.Devices;

/**
 * Where a task trains, what the DJL Spark extension would decide on the executor: the GPU Spark
 * assigned the task (checked against what DJL sees), else the configured device with the task's
 * share of the CPU threads.
 */
final class TaskPlacement {

  private TaskPlacement() {}

  /** Spark's id of this executor ("driver" in local mode). */
  static String executorId() {
    SparkEnv env = SparkEnv.get();
    return env == null ? "driver" : env.executorId();
  }

  /** The addresses of the GPUs Spark gave the running task (none: empty). */
  static String[] assignedGpuAddresses() {
    TaskContext ctx = TaskContext.get();
    ResourceInformation gpus =
        ctx == null ? null : ctx.resources().get("gpu").getOrElse(() -> null);
    return gpus == null ? new String[0] : gpus.addresses();
  }

  /**
   * The GPUs Spark gave this task (several: the training splits each batch over them), checked
   * against what DJL sees; else {@code configured}.
   */
  static DeviceSpec device(DeviceSpec configured) {
    String[] addresses = assignedGpuAddresses();
    if (addresses.length == 0) {
      return configured;
    }
    List<Integer> indices = new ArrayList<>();
    for (String address : addresses) {
      indices.add(index(address));
    }
    return new DeviceSpec(true, indices);
  }

  private static int index(String address) {
    int index;
    try {
      index = Integer.parseInt(address);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("Spark assigned GPU address '" + address + "', not an index");
    }
    int visible = Engine.getInstance().getGpuCount();
    if (index >= visible) {
      throw new IllegalStateException(
          "Spark assigned GPU "
              + address
              + " but DJL sees "
              + visible
              + " CUDA device(s) on this executor: is a CUDA libtorch installed (PYTORCH_LIBRARY_PATH)?");
    }
    return index;
  }

  /** What a result records as its device: where it trained, with its threads on a CPU. */
  static String describe(DeviceSpec device, String trained, int threads) {
    String where =
        device.gpu()
            ? trained
            : trained + " (" + threads + " thread" + (threads == 1 ? "" : "s") + ")";
    return where + " on executor " + executorId();
  }

  /** A CPU training on this thread uses {@code threads} PyTorch threads (each task its own). */
  static void useThreads(DeviceSpec device, int threads) {
    if (!device.gpu()) {
      Devices.useCpuThreads(threads);
    }
  }
}
