package org.moodnas.train;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.moodnas.core.SearchEpoch;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrainingSpec;
import org.moodnas.core.Weight;
import org.moodnas.data.Batch;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.DataFeed;
import org.moodnas.data.ImageSource;
import org.moodnas.data.TrainingData;
import org.moodnas.train.optim.LearningRateSchedule;

/**
 * The state of one running search: the supernet and its optimizers, the epoch and the steps done in
 * it with the epoch's running sums, and the open passes over both splits. Between two steps that is
 * everything the search's future depends on, which is what a checkpoint keeps.
 */
final class SearchRun {

  private final SearchSpec spec;
  private final TrainingProgress<SearchEpoch> progress;
  private final TrainingData data;
  private final DataFeed feed;
  private final TrainingSpec t;
  final SearchSteps steps;
  private final LearningRateSchedule schedule;
  private final TrialCheckpoint checkpoint;
  private final List<SearchEpoch> epochs;
  int epoch;
  private int archPasses;
  private BatchIterator train;
  private BatchIterator arch;
  private int step;
  // within an epoch: the running sums of loss, ce, l1, l2 (image-weighted), correct
  private double[] sums = new double[5];
  private long images;
  private StepStats lastStep;
  private double epochSecondsBefore;

  SearchRun(
      SearchSpec spec,
      Weight weight,
      TrainingProgress<SearchEpoch> progress,
      NDManager manager,
      TrainingData data,
      TrialCheckpoint checkpoint,
      List<SearchEpoch> epochs) {
    this.spec = spec;
    this.progress = progress;
    this.t = spec.training();
    this.data = data;
    this.feed = data.searchFeed(t.cutoutOrZero());
    this.checkpoint = checkpoint;
    this.epochs = epochs;
    ImageSource s = data.train();
    steps = new SearchSteps(spec, weight, manager, s.channels(), feed.imageSize(s), s.classes());
    schedule = SearchTrainer.schedule(data.kind(), t);
  }

  /** Runs the rest of the current epoch; {@code before}: the trial's seconds before this run. */
  void epoch(long trialStart, double before) {
    long start = System.nanoTime();
    double lr = schedule.at(epoch);
    boolean archSteps = epoch >= spec.archWarmupEpochs();
    if (train == null) {
      train = feed.train(data.train(), t.batchSize(), t.seed(), epoch);
      // Opened only when used: a file-backed split starts decoding as soon as it is opened.
      arch = archSteps ? archBatches() : null;
      step = 0;
      sums = new double[5];
      images = 0;
      lastStep = null;
      epochSecondsBefore = 0;
    }
    int count = (data.train().size() + t.batchSize() - 1) / t.batchSize();
    try {
      while (train.hasNext()) {
        Batch batch = train.next();
        if (archSteps) {
          if (!arch.hasNext()) {
            arch = archBatches();
          }
          steps.archStep(arch.next());
        }
        StepStats stats = steps.weightStep(batch, lr, epoch, step);
        sums[0] += stats.loss() * batch.count();
        sums[1] += stats.criterionLoss() * batch.count();
        sums[2] += stats.l1Loss() * batch.count();
        sums[3] += stats.l2Loss() * batch.count();
        sums[4] += stats.correct();
        lastStep = stats;
        images += batch.count();
        step++;
        double elapsed = epochSecondsBefore + SearchTrainer.seconds(start);
        progress.step(epoch, step, count, sums[0] / images, sums[4] / images, images / elapsed);
        if (checkpoint.stopRequested()) {
          pause(
              epochSecondsBefore + SearchTrainer.seconds(start),
              before + SearchTrainer.seconds(trialStart));
        } else if (checkpoint.due()) {
          save(
              epochSecondsBefore + SearchTrainer.seconds(start),
              before + SearchTrainer.seconds(trialStart));
        }
      }
    } finally {
      closePasses();
    }
    SearchEpoch record = record(lr, start);
    epochs.add(record);
    epoch++;
    if (checkpoint.enabled()) {
      save(0, before + SearchTrainer.seconds(trialStart));
    }
    progress.epoch(record);
    if (checkpoint.stopRequested() && epoch < t.epochs()) {
      pause(0, before + SearchTrainer.seconds(trialStart));
    }
  }

  /** The epoch's record once its steps are done: its figures, validation, genotype. */
  private SearchEpoch record(double lr, long start) {
    Double validAcc =
        SearchTrainer.validates(data.kind(), epoch, t.epochs()) ? validate(epoch) : null;
    return new SearchEpoch(
        epoch,
        lr,
        sums[0] / images,
        sums[4] / images,
        sums[1] / images,
        sums[2] / images,
        sums[3] / images,
        lastStep.criterionLoss(),
        lastStep.l1Loss(),
        lastStep.l2Loss(),
        validAcc,
        steps.genotype(),
        feed.skipped().count(),
        epochSecondsBefore + SearchTrainer.seconds(start));
  }

  private void closePasses() {
    if (train != null) {
      train.close();
    }
    if (arch != null) {
      arch.close();
    }
    train = null;
    arch = null;
  }

  /** The next pass over the architecture split (its own shuffle seed). */
  private BatchIterator archBatches() {
    return feed.train(data.heldOut(), t.batchSize(), t.seed() + 1, archPasses++);
  }

  private void pause(double epochSeconds, double trialSeconds) {
    if (train != null) { // at an epoch end the state is written already
      save(epochSeconds, trialSeconds);
    }
    checkpoint.pause("search", epoch, step);
  }

  /**
   * Writes the state between two steps (or after an epoch: {@code train} null). Its order is the
   * one docs/checkpoints.md lists for a search.
   */
  private void save(double epochSeconds, double trialSeconds) {
    checkpoint.save(
        epoch,
        train == null ? 0 : step,
        t.batchSize(),
        out -> {
          steps.save(out);
          out.json(epochs).json(feed.skipped().files());
          out.number(epoch).number(archPasses).number(trialSeconds);
          out.flag(train != null);
          if (train != null) {
            out.number(step).number(images).number(epochSeconds);
            for (double sum : sums) {
              out.number(sum);
            }
            out.json(lastStep);
            BatchIterator.Position at = train.position();
            out.number(at.taken()).random(at.random());
            out.flag(arch != null);
            if (arch != null) {
              BatchIterator.Position archAt = arch.position();
              out.number(archAt.taken()).random(archAt.random());
            }
          }
        });
  }

  /** Continues from a state {@link #save} wrote; returns the trial's seconds before it. */
  double restore(StateInput in) {
    steps.restore(in);
    epochs.addAll(in.jsonList(SearchEpoch.class));
    feed.skipped().restore(in.jsonList(String.class));
    epoch = Math.toIntExact(in.integer());
    archPasses = Math.toIntExact(in.integer());
    double trialSeconds = in.decimal();
    if (in.flag()) {
      step = Math.toIntExact(in.integer());
      images = in.integer();
      epochSecondsBefore = in.decimal();
      for (int i = 0; i < sums.length; i++) {
        sums[i] = in.decimal();
      }
      lastStep = in.json(StateOutput.JSON.constructType(StepStats.class));
      train =
          feed.resumeTrain(
              data.train(),
              t.batchSize(),
              t.seed(),
              epoch,
              new BatchIterator.Position(Math.toIntExact(in.integer()), in.random()));
      if (in.flag()) {
        int taken = Math.toIntExact(in.integer());
        arch =
            feed.resumeTrain(
                data.heldOut(),
                t.batchSize(),
                t.seed() + 1,
                archPasses - 1,
                new BatchIterator.Position(taken, in.random()));
      }
    }
    return trialSeconds;
  }

  /** Top-1 accuracy on the architecture split (training transform), as PC-DARTS's infer(). */
  private double validate(int epoch) {
    long correct = 0;
    long images = 0;
    try (BatchIterator it = SearchTrainer.validationBatches(feed, data, t, epoch)) {
      while (it.hasNext()) {
        Batch batch = it.next();
        correct += steps.correct(batch);
        images += batch.count();
      }
    }
    return (double) correct / images;
  }
}
