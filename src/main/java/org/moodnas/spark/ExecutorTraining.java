package org.moodnas.spark;

import ai.djl.engine.Engine;
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
import org.moodnas.train.SearchTrainer;
import org.moodnas.train.TrainingInputs;
import org.moodnas.train.TrainingProgress;
import org.moodnas.train.TrialResult;

/**
 * What the DJL Spark extension would do, on the executor side: the engine once per JVM, the data
 * kept per JVM across trials, each task bound to the GPU Spark assigned it (or the CPU), and one
 * training at a time per JVM, since DJL's PyTorch gradient collector is global to the process.
 */
final class ExecutorTraining {

  private static final Map<String, SearchData> DATA = new ConcurrentHashMap<>();
  private static final Object ONE_TRAINING = new Object();

  private ExecutorTraining() {}

  static TrialResult search(DataSource source, SearchConfig config) {
    DeviceSpec device = assignedDevice(config.device());
    SearchConfig bound = config.toBuilder().device(device).build();
    String key = source + "/" + config.seed() + "/" + config.trainPortion() + "/" + config.cutout();
    SearchData data =
        DATA.computeIfAbsent(
            key,
            k -> TrainingInputs.searchData(source, config, new PrintWriter(new StringWriter())));
    synchronized (ONE_TRAINING) {
      return new SearchTrainer(bound, TrainingProgress.none()).run(data);
    }
  }

  /** The GPU Spark gave this task, checked against what DJL sees; else the configured device. */
  static DeviceSpec assignedDevice(DeviceSpec configured) {
    TaskContext ctx = TaskContext.get();
    ResourceInformation gpus =
        ctx == null ? null : ctx.resources().get("gpu").getOrElse(() -> null);
    if (gpus == null || gpus.addresses().length == 0) {
      return configured;
    }
    String address = gpus.addresses()[0];
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
