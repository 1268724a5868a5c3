package org.moodnas.spark;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.moodnas.train.DataSource;
import org.moodnas.train.DeviceSpec;
import org.moodnas.train.SearchConfig;
import org.moodnas.train.SearchData;
import org.moodnas.train.SearchEpoch;
import org.moodnas.train.SearchTrainer;
import org.moodnas.train.TrainingInputs;
import org.moodnas.train.TrainingProgress;
import org.moodnas.train.TrialResult;

/**
 * What the DJL Spark extension would do, on the executor side: the engine once per JVM, the data
 * kept per JVM across trials, each task bound to the GPU Spark assigned it (or the CPU with as many
 * threads as the task's CPUs), and one training at a time per JVM, since DJL's PyTorch gradient
 * collector is global to the process.
 */
final class ExecutorTraining {

  private static final Map<String, SearchData> DATA = new ConcurrentHashMap<>();
  private static final Object ONE_TRAINING = new Object();

  private ExecutorTraining() {}

  static TrialResult search(
      DataSource source, SearchConfig config, TrainingProgress<SearchEpoch> progress) {
    DeviceSpec device = assignedDevice(config.device());
    SearchConfig bound = config.toBuilder().device(device).build();
    String key = source + "/" + config.seed() + "/" + config.trainPortion() + "/" + config.cutout();
    SearchData data =
        DATA.computeIfAbsent(
            key,
            k -> TrainingInputs.searchData(source, config, new PrintWriter(new StringWriter())));
    synchronized (ONE_TRAINING) {
      useTaskCpus(device);
      TrialResult r = new SearchTrainer(bound, progress).run(data);
      return r.withDevice(r.device() + " on executor " + TaskProgressReporter.executorId());
    }
  }

  /**
   * On a cluster executor a CPU training uses the task's CPUs (spark.task.cpus) as PyTorch threads;
   * in local mode the JVM's setting (-Dai.djl.pytorch.num_threads) stays, as trials there run one
   * after another in the driver's JVM.
   */
  private static void useTaskCpus(DeviceSpec device) {
    TaskContext ctx = TaskContext.get();
    if (ctx == null || device.gpu() || "driver".equals(TaskProgressReporter.executorId())) {
      return;
    }
    Engine.getInstance(); // the native library must be loaded before JniUtils is used
    JniUtils.setNumThreads(ctx.cpus());
  }

  /** The address of the GPU Spark gave this task, or null. */
  static String assignedGpuAddress(TaskContext ctx) {
    ResourceInformation gpus =
        ctx == null ? null : ctx.resources().get("gpu").getOrElse(() -> null);
    return gpus == null || gpus.addresses().length == 0 ? null : gpus.addresses()[0];
  }

  /** The GPU Spark gave this task, checked against what DJL sees; else the configured device. */
  static DeviceSpec assignedDevice(DeviceSpec configured) {
    String address = assignedGpuAddress(TaskContext.get());
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
    return new DeviceSpec(true, index);
  }
}
