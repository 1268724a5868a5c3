package org.moodnas.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.InvalidSettingException;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrainingSpec;
import org.moodnas.core.Weight;
import org.moodnas.data.Augmentation;
import org.moodnas.data.Batch;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.DataFeed;
import org.moodnas.data.ImageSet;
import org.moodnas.data.Normalization;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.train.Devices;
import org.moodnas.train.EvalSteps;
import org.moodnas.train.SearchSteps;
import org.moodnas.train.StateFiles;

/**
 * Times the trainers' own steps on random images of a given shape: a search step is the
 * architecture step plus the weight step; an evaluation step is one training step. Reports the
 * median over the measured steps and the process memory, to check it stays flat.
 */
public final class StepBenchmark {

  private final int warmup;
  private final int steps;
  private final int threads;
  private final Path trace;
  private final Path stateFolder;

  /**
   * Times {@code steps} steps after {@code warmup} untimed ones, on {@code threads} CPU threads;
   * then, unless {@code trace} is null, one more step under libtorch's profiler, its trace written
   * to {@code trace} (Chrome trace JSON, every native op with its time; not among the timed steps,
   * since profiling slows them).
   */
  public StepBenchmark(int warmup, int steps, int threads, Path trace) {
    this(warmup, steps, threads, trace, null);
  }

  /**
   * As above; unless {@code stateFolder} is null, then as many training states of the steps as
   * steps were timed are written there, the stall and the write timed apart.
   */
  public StepBenchmark(int warmup, int steps, int threads, Path trace, Path stateFolder) {
    if (warmup < 0) {
      throw new InvalidSettingException("warmup", warmup + ": must be ≥ 0");
    }
    if (steps < 1) {
      throw new InvalidSettingException("steps", steps + ": must be ≥ 1");
    }
    if (threads < 1) {
      throw new InvalidSettingException("threads", threads + ": must be ≥ 1");
    }
    if (trace != null) {
      Path folder = trace.toAbsolutePath().getParent();
      if (Files.isDirectory(trace)) {
        throw new InvalidSettingException("trace", trace + ": a folder, not a file");
      }
      if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
        throw new InvalidSettingException("trace", trace + ": its folder is missing or read-only");
      }
    }
    this.warmup = warmup;
    this.steps = steps;
    this.threads = threads;
    this.trace = trace;
    this.stateFolder = stateFolder;
  }

  /**
   * Architecture step + weight step of {@code spec}'s supernet under {@code weight} (ν = 0: the
   * plain criterion).
   */
  public BenchResult searchStep(
      SearchSpec spec, Weight weight, int channels, int size, int classes) {
    TrainingSpec t = spec.training();
    ImageSet images = randomImages(t.batchSize(), channels, size, classes);
    DataFeed feed =
        new DataFeed(Normalization.of(images), Augmentation.cifar(0), Augmentation.NONE);
    try (NDManager manager = NDManager.newBaseManager(Devices.of(spec.device()))) {
      SearchSteps s = new SearchSteps(spec, weight, manager, channels, size, classes);
      List<Parameter> trained = new ArrayList<>(s.weights());
      trained.addAll(s.archParameters());
      return time(
          "search-step",
          t.batchSize(),
          trained,
          s::snapshot,
          i -> {
            try (BatchIterator batches = feed.train(images, t.batchSize(), t.seed(), i)) {
              Batch b = batches.next();
              s.archStep(b);
              s.weightStep(b, t.learningRate(), 0, i);
            }
          });
    }
  }

  /** One training step of {@code spec} on {@code network}. */
  public BenchResult evalStep(EvalSpec spec, NetworkSpec network) {
    TrainingSpec t = spec.training();
    ImageSet images =
        randomImages(
            t.batchSize(), network.inputChannels(), network.imageSize(), network.classes());
    DataFeed feed =
        new DataFeed(
            Normalization.of(images), Augmentation.cifar(t.cutoutOrZero()), Augmentation.NONE);
    try (NDManager manager = NDManager.newBaseManager(Devices.of(spec.device()))) {
      EvalSteps s = new EvalSteps(spec, manager, network);
      s.network().dropPath().setProb((float) spec.dropPathProb());
      return time(
          "eval-step",
          t.batchSize(),
          s.weights(),
          s::snapshot,
          i -> {
            try (BatchIterator batches = feed.train(images, t.batchSize(), t.seed(), i)) {
              s.trainStep(batches.next(), t.learningRate(), 0, i);
            }
          });
    }
  }

  private interface Step {
    void run(int index);
  }

  private BenchResult time(
      String name, int batch, List<Parameter> trained, Supplier<byte[]> snapshot, Step step) {
    Devices.useCpuThreads(threads);
    for (int i = 0; i < warmup; i++) {
      step.run(i);
    }
    double rssAfterWarmup = ProcessMemory.rssMb();
    double[] ms = new double[steps];
    for (int i = 0; i < steps; i++) {
      long t = System.nanoTime();
      step.run(warmup + i);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    double rssEnd = ProcessMemory.rssMb();
    double peak = ProcessMemory.peakRssMb(); // the profiler's own records are not the step's
    BenchResult.StateCost state = stateFolder == null ? null : stateCost(snapshot);
    if (trace != null) {
      // no shapes: recording them slowed our ops several-fold in the trace, distorting it
      JniUtils.startProfile(false, false, false);
      try {
        step.run(warmup + steps);
      } finally {
        JniUtils.stopProfile(trace.toString());
      }
    }
    Arrays.sort(ms);
    double median = steps % 2 == 1 ? ms[steps / 2] : (ms[steps / 2 - 1] + ms[steps / 2]) / 2;
    return new BenchResult(
        name,
        threads,
        ProcessMemory.allocator(),
        batch,
        trained.stream().mapToLong(p -> p.getArray().size()).sum(),
        steps,
        median,
        batch * 1000.0 / median,
        rssAfterWarmup,
        rssEnd,
        peak,
        state);
  }

  /** Medians of {@code steps} states: the copy to host memory, then the write by its thread. */
  private BenchResult.StateCost stateCost(Supplier<byte[]> snapshot) {
    double[] stall = new double[steps];
    double[] write = new double[steps];
    long bytes = 0;
    try (StateFiles files = new StateFiles(stateFolder.toString())) {
      for (int i = 0; i < steps; i++) {
        long t0 = System.nanoTime();
        byte[] state = snapshot.get();
        long t1 = System.nanoTime();
        files.write(state);
        files.await();
        stall[i] = (t1 - t0) / 1e6;
        write[i] = (System.nanoTime() - t1) / 1e6;
        bytes = state.length;
      }
    }
    return new BenchResult.StateCost(bytes / 1e6, median(stall), median(write), steps);
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Uniform random pixels and labels: speed does not depend on what images show. */
  static ImageSet randomImages(int n, int channels, int size, int classes) {
    Random r = new Random(1);
    byte[] px = new byte[n * channels * size * size];
    r.nextBytes(px);
    int[] labels = r.ints(n, 0, classes).toArray();
    return new ImageSet(px, labels, channels, size, size, classes);
  }
}
