package org.moodnas.spark.executor;

import ai.djl.engine.Engine;
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

  /** The address of the GPU Spark gave the running task, or null. */
  static String assignedGpuAddress() {
    TaskContext ctx = TaskContext.get();
    ResourceInformation gpus =
        ctx == null ? null : ctx.resources().get("gpu").getOrElse(() -> null);
    return gpus == null || gpus.addresses().length == 0 ? null : gpus.addresses()[0];
  }

  /** The GPU Spark gave this task, checked against what DJL sees; else {@code configured}. */
  static DeviceSpec device(DeviceSpec configured) {
    String address = assignedGpuAddress();
    if (address == null) {
      return configured;
    }
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
    return DeviceSpec.gpu(index);
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
