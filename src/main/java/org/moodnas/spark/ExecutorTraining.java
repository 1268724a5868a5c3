package org.moodnas.spark;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.moodnas.memory.BatchSizeSolver;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.profile.Profiler;
import org.moodnas.space.Genotype;
import org.moodnas.train.BatchBackoff;
import org.moodnas.train.DataSource;
import org.moodnas.train.DeviceOutOfMemoryException;
import org.moodnas.train.DeviceSpec;
import org.moodnas.train.EvalConfig;
import org.moodnas.train.EvalData;
import org.moodnas.train.EvalEpoch;
import org.moodnas.train.EvalResult;
import org.moodnas.train.EvalTrainer;
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
  private static final Map<String, EvalData> EVAL_DATA = new ConcurrentHashMap<>();
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

  static EvalAttempt evaluate(
      EvalTask task, TrainingProgress<EvalEpoch> progress, int sparkAttempt) {
    long start = System.nanoTime();
    EvalConfig config = task.config();
    DeviceSpec device = assignedDevice(config.device());
    String key =
        task.source()
            + "/"
            + config.seed()
            + "/"
            + config.trainPortion()
            + "/"
            + config.cutout()
            + "/"
            + config.cutoutLength();
    EvalData data =
        EVAL_DATA.computeIfAbsent(
            key,
            k ->
                TrainingInputs.evalData(
                    task.source(), config, new PrintWriter(new StringWriter())));
    Genotype genotype = Genotype.fromJson(task.genotypeJson());
    NetworkSpec spec = EvalTrainer.spec(genotype, config, data);
    double paramsMb = new Profiler().count(spec).params() / 1e6;
    String where = " on executor " + TaskProgressReporter.executorId();
    synchronized (ONE_TRAINING) {
      useTaskCpus(device);
      int batch = firstBatch(task, device, paramsMb);
      int[] started = {0};
      BatchBackoff.Outcome<EvalResult> outcome =
          BatchBackoff.run(
              batch,
              Math.min(task.minBatchSize(), batch),
              b -> {
                started[0]++;
                if (started[0] <= task.injectedOoms()) {
                  throw new DeviceOutOfMemoryException(
                      device + " (injected)", b, new OutOfMemoryError("injected"));
                }
                EvalConfig sized = config.toBuilder().device(device).batchSize(b).build();
                return new EvalTrainer(sized, progress).run(genotype, data, task.checkpoint());
              });
      int attempts = outcome.attempts() + sparkAttempt - 1;
      Double predicted = task.memoryModel().predictMb(paramsMb, outcome.batchSize());
      EvalResult r = outcome.value();
      if (r == null) {
        r =
            new EvalResult(
                genotype.toJson(),
                "failed",
                outcome.error().getMessage()
                    + "; no smaller batch at or above "
                    + task.minBatchSize(),
                Math.round(paramsMb * 1e6),
                paramsMb,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                device.toString(),
                outcome.batchSize(),
                List.of(),
                (System.nanoTime() - start) / 1e9);
      }
      r =
          new EvalResult(
              r.genotype(),
              r.status(),
              r.error(),
              r.params(),
              r.paramSizeMb(),
              r.trainLoss(),
              r.trainAcc(),
              r.validLoss(),
              r.validAcc(),
              r.testLoss(),
              r.testAcc(),
              r.checkpoint(),
              r.device() + where,
              r.batchSize(),
              r.epochs(),
              r.durationS());
      return new EvalAttempt(r, predicted, attempts, device.gpu() ? usedGpuMb(device) : null);
    }
  }

  /**
   * The given batch; on a GPU the largest the memory model fits in its free memory; else the
   * config's.
   */
  private static int firstBatch(EvalTask task, DeviceSpec device, double paramsMb) {
    if (task.batchSize() != null) {
      return task.batchSize();
    }
    if (!device.gpu()) {
      return task.config().batchSize();
    }
    MemoryUsage mem = CudaUtils.getGpuMemory(Device.gpu(device.index()));
    double freeMb = (mem.getMax() - mem.getCommitted()) / (1024.0 * 1024.0);
    return new BatchSizeSolver(task.memoryModel()).largestBatch(paramsMb, freeMb, task.marginMb());
  }

  /** The GPU memory this process holds (PyTorch keeps its cache, so about the training's peak). */
  private static double usedGpuMb(DeviceSpec device) {
    return CudaUtils.getGpuMemory(Device.gpu(device.index())).getCommitted() / (1024.0 * 1024.0);
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
