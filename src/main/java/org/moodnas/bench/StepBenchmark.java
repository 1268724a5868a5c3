package org.moodnas.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Random;
import org.moodnas.data.Augmentation;
import org.moodnas.data.Batch;
import org.moodnas.data.ImageSet;
import org.moodnas.data.Normalization;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.train.DataFeed;
import org.moodnas.train.EvalConfig;
import org.moodnas.train.EvalSteps;
import org.moodnas.train.SearchConfig;
import org.moodnas.train.SearchSteps;

/**
 * Times the trainers' own steps on random images of a given shape: a search step is the
 * architecture step plus the weight step; an evaluation step is one training step. Reports the
 * median over the measured steps and the process memory, to check it stays flat.
 */
public final class StepBenchmark {

  private final int warmup;
  private final int steps;

  public StepBenchmark(int warmup, int steps) {
    if (warmup < 0 || steps < 1) {
      throw new IllegalArgumentException("warm-up must be ≥ 0 and steps ≥ 1");
    }
    this.warmup = warmup;
    this.steps = steps;
  }

  public BenchResult searchStep(SearchConfig config, int channels, int size, int classes) {
    ImageSet images = randomImages(config.batchSize(), channels, size, classes);
    DataFeed feed =
        new DataFeed(Normalization.of(images), Augmentation.cifar(0), Augmentation.NONE);
    try (NDManager manager = NDManager.newBaseManager(config.device().toDjl())) {
      Engine.getInstance().setRandomSeed((int) config.seed());
      SearchSteps s = new SearchSteps(config, manager, feed, channels, size, classes);
      return time(
          "search-step",
          config.batchSize(),
          i -> {
            Batch b = feed.train(images, config.batchSize(), config.seed(), i).next();
            s.archStep(b);
            s.weightStep(b, config.learningRate(), 0, i);
          });
    }
  }

  public BenchResult evalStep(EvalConfig config, NetworkSpec spec) {
    ImageSet images =
        randomImages(config.batchSize(), spec.inputChannels(), spec.imageSize(), spec.classes());
    DataFeed feed =
        new DataFeed(
            Normalization.of(images),
            Augmentation.cifar(config.cutout() ? config.cutoutLength() : 0),
            Augmentation.NONE);
    try (NDManager manager = NDManager.newBaseManager(config.device().toDjl())) {
      Engine.getInstance().setRandomSeed((int) config.seed());
      EvalSteps s = new EvalSteps(config, manager, feed, spec);
      s.network().setDropPathProb((float) config.dropPathProb());
      return time(
          "eval-step",
          config.batchSize(),
          i ->
              s.trainStep(
                  feed.train(images, config.batchSize(), config.seed(), i).next(),
                  config.learningRate(),
                  0,
                  i));
    }
  }

  private interface Step {
    void run(int index);
  }

  private BenchResult time(String name, int batch, Step step) {
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
    Arrays.sort(ms);
    double median = steps % 2 == 1 ? ms[steps / 2] : (ms[steps / 2 - 1] + ms[steps / 2]) / 2;
    return new BenchResult(
        name,
        batch,
        steps,
        median,
        batch * 1000.0 / median,
        rssAfterWarmup,
        ProcessMemory.rssMb(),
        ProcessMemory.peakRssMb());
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
