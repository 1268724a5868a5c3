package org.moodnas.train;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.SearchEpoch;
import org.moodnas.core.SearchMetrics;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrainingSpec;
import org.moodnas.core.TrialResult;
import org.moodnas.core.Weight;
import org.moodnas.data.Batch;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.DataFeed;
import org.moodnas.data.ImageSource;
import org.moodnas.data.TrainingData;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.profile.Profiler;
import org.moodnas.profile.SearchedNetwork;
import org.moodnas.space.Genotype;
import org.moodnas.train.optim.CosineSchedule;
import org.moodnas.train.optim.LearningRateSchedule;
import org.moodnas.train.optim.WarmUp;

/**
 * One PC-DARTS search with a MOOD-NAS penalty (one ν → one {@link TrialResult}). First order: from
 * epoch {@code archWarmupEpochs} on, each weight step is preceded by an architecture step (Adam on
 * α and β, plain cross-entropy on a batch of the architecture split); the weight step minimizes
 * criterion_weight · CE + ν · penalty with SGD, cosine learning rate (after a 5-epoch warm-up on
 * ImageNet with batches above 256, as PC-DARTS's ImageNet search) and global-norm clipping.
 */
public final class SearchTrainer {

  private final SearchSpec spec;
  private final Weight weight;
  private final TrainingProgress<SearchEpoch> progress;

  public SearchTrainer(SearchSpec spec, Weight weight, TrainingProgress<SearchEpoch> progress) {
    this.spec = spec;
    this.weight = weight;
    this.progress = progress;
  }

  /**
   * Searches on {@code data} (weights on its train part, α and β on the held-out part); a
   * non-finite loss gives a failed result, not an exception.
   */
  public TrialResult run(TrainingData data) {
    long start = System.nanoTime();
    TrainingSpec t = spec.training();
    List<SearchEpoch> epochs = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager(Devices.of(spec.device()))) {
      Run run = new Run(manager, data);
      for (int epoch = 0; epoch < t.epochs(); epoch++) {
        epochs.add(run.epoch(epoch, epoch == t.epochs() - 1));
        progress.epoch(epochs.get(epochs.size() - 1));
      }
      SearchEpoch last = epochs.get(epochs.size() - 1);
      SearchMetrics metrics =
          SearchMetrics.of(spec.objective(), last, modelSizeMb(last.genotype(), data));
      return TrialResult.ok(
          spec, weight, metrics, last.genotype(), spec.device().toString(), epochs, seconds(start));
    } catch (NonFiniteLossException e) {
      return TrialResult.failed(
          spec, weight, e.getMessage(), spec.device().toString(), epochs, seconds(start));
    }
  }

  /**
   * Cosine from the learning rate to its minimum, read at the start of each epoch and stepped at
   * its end (train_search.py, train_search_imagenet.py), after the ImageNet warm-up when it
   * applies.
   */
  static LearningRateSchedule schedule(DatasetKind kind, TrainingSpec t) {
    CosineSchedule cosine = new CosineSchedule(t.learningRate(), t.learningRateMin(), t.epochs());
    return t.warmsUpOn(kind)
        ? new WarmUp(cosine, t.learningRate(), TrainingSpec.WARMUP_EPOCHS)
        : cosine;
  }

  /** The published model size: the genotype's {@link SearchedNetwork}, parameters / 1e6. */
  static double modelSizeMb(Genotype genotype, TrainingData data) {
    ImageSource images = data.train();
    NetworkSpec net = SearchedNetwork.of(genotype, data.kind(), images.channels(), images.height());
    return new Profiler().count(net).paramSizeMb();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** The state of one running search. */
  private final class Run {
    final TrainingData data;
    final DataFeed feed;
    final TrainingSpec t = spec.training();
    final SearchSteps steps;
    final LearningRateSchedule schedule;
    int archPasses;

    Run(NDManager manager, TrainingData data) {
      this.data = data;
      this.feed = data.searchFeed(t.cutoutOrZero());
      ImageSource s = data.train();
      steps = new SearchSteps(spec, weight, manager, s.channels(), feed.imageSize(s), s.classes());
      schedule = schedule(data.kind(), t);
    }

    SearchEpoch epoch(int epoch, boolean last) {
      long start = System.nanoTime();
      double lr = schedule.at(epoch);
      boolean archSteps = epoch >= spec.archWarmupEpochs();
      BatchIterator train = feed.train(data.train(), t.batchSize(), t.seed(), epoch);
      // Opened only when used: a file-backed split starts decoding as soon as it is opened.
      BatchIterator arch = archSteps ? archBatches() : null;
      int count = (data.train().size() + t.batchSize() - 1) / t.batchSize();
      double[] sums = new double[5]; // loss, ce, l1, l2 (image-weighted), correct
      long images = 0;
      for (int step = 0; train.hasNext(); step++) {
        Batch batch = train.next();
        if (archSteps) {
          if (!arch.hasNext()) {
            arch = archBatches();
          }
          steps.archStep(arch.next());
        }
        float[] stats = steps.weightStep(batch, lr, epoch, step);
        for (int k = 0; k < 4; k++) {
          sums[k] += stats[k] * batch.count();
        }
        sums[4] += stats[4];
        images += batch.count();
        double elapsed = (System.nanoTime() - start) / 1e9;
        progress.step(epoch, step + 1, count, sums[0] / images, sums[4] / images, images / elapsed);
      }
      if (arch != null) {
        arch.close();
      }
      Double validAcc = last ? validate() : null;
      return new SearchEpoch(
          epoch,
          lr,
          sums[0] / images,
          sums[4] / images,
          sums[1] / images,
          sums[2] / images,
          sums[3] / images,
          validAcc,
          steps.genotype(),
          feed.skipped().count(),
          seconds(start));
    }

    /** The next pass over the architecture split (its own shuffle seed). */
    private BatchIterator archBatches() {
      return feed.train(data.heldOut(), t.batchSize(), t.seed() + 1, archPasses++);
    }

    /** Top-1 accuracy on the architecture split, as PC-DARTS's infer(). */
    private double validate() {
      long correct = 0;
      long images = 0;
      BatchIterator it = feed.eval(data.heldOut(), t.batchSize());
      while (it.hasNext()) {
        Batch batch = it.next();
        correct += steps.correct(batch);
        images += batch.count();
      }
      return (double) correct / images;
    }
  }
}
