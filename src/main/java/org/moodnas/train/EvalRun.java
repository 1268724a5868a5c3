package org.moodnas.train;

import java.util.List;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.TrainingSpec;
import org.moodnas.data.Batch;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.DataFeed;
import org.moodnas.data.ImageSource;
import org.moodnas.data.TrainingData;
import org.moodnas.train.optim.LearningRateSchedule;

/**
 * The state of one running evaluation: its network and optimizer ({@link EvalSteps}), the epoch and
 * the steps done in it with the epoch's running sums, and the open pass over the training split.
 * Between two steps that is everything the training's future depends on, which is what a checkpoint
 * keeps.
 */
final class EvalRun {

  private final EvalSpec spec;
  private final TrainingSpec t;
  private final EvalSteps steps;
  private final TrainingData data;
  private final DataFeed feed;
  private final LearningRateSchedule schedule;
  private final TrialCheckpoint checkpoint;
  private final List<EvalEpoch> epochs;
  private final TrainingProgress<EvalEpoch> progress;
  private int epoch;
  // within an epoch
  private BatchIterator train;
  private int step;
  private double lossSum;
  private double correct;
  private long images;
  private double epochSecondsBefore;

  EvalRun(
      EvalSpec spec,
      EvalSteps steps,
      TrainingData data,
      TrialCheckpoint checkpoint,
      List<EvalEpoch> epochs,
      TrainingProgress<EvalEpoch> progress) {
    this.spec = spec;
    this.t = spec.training();
    this.steps = steps;
    this.data = data;
    this.feed = data.feed(t.cutoutOrZero());
    this.schedule = EvalTrainer.schedule(spec);
    this.checkpoint = checkpoint;
    this.epochs = epochs;
    this.progress = progress;
  }

  /** The epoch running or next to run (0-based). */
  int epoch() {
    return epoch;
  }

  /** Runs the rest of the current epoch; {@code before}: the trial's seconds before this run. */
  void epoch(long trialStart, double before) {
    long start = System.nanoTime();
    double lr = schedule.at(epoch);
    steps.network().dropPath().setProb((float) (spec.dropPathProb() * epoch / t.epochs()));
    ImageSource set = data.train();
    if (train == null) {
      train = feed.train(set, t.batchSize(), t.seed(), epoch);
      step = 0;
      lossSum = 0;
      correct = 0;
      images = 0;
      epochSecondsBefore = 0;
    }
    int count = (set.size() + t.batchSize() - 1) / t.batchSize();
    try {
      while (train.hasNext()) {
        Batch batch = train.next();
        EvalSteps.Figures f = steps.trainStep(batch, lr, epoch, step);
        lossSum += f.loss() * batch.count();
        correct += f.correct();
        images += batch.count();
        step++;
        double elapsed = epochSecondsBefore + EvalTrainer.seconds(start);
        progress.step(epoch, step, count, lossSum / images, correct / images, images / elapsed);
        if (checkpoint.stopRequested()) {
          pause(elapsed, before + EvalTrainer.seconds(trialStart));
        } else if (checkpoint.due()) {
          save(elapsed, before + EvalTrainer.seconds(trialStart));
        }
      }
    } finally {
      if (train != null) {
        train.close();
        train = null;
      }
    }
    EvalEpoch record = record(lr, start);
    epochs.add(record);
    epoch++;
    if (checkpoint.enabled()) {
      save(0, before + EvalTrainer.seconds(trialStart));
    }
    progress.epoch(record);
    if (checkpoint.stopRequested() && epoch < t.epochs()) {
      pause(0, before + EvalTrainer.seconds(trialStart));
    }
  }

  /** The epoch's record once its steps are done: its figures, validation and test. */
  private EvalEpoch record(double lr, long start) {
    double[] valid = data.heldOut() == null ? null : evaluate(data.heldOut());
    double[] test = evaluate(data.test());
    boolean top5 = spec.recordsTop5();
    return new EvalEpoch(
        epoch,
        lr,
        lossSum / images,
        correct / images,
        valid == null ? null : valid[0],
        valid == null ? null : valid[1],
        valid == null || !top5 ? null : valid[2],
        test[0],
        test[1],
        top5 ? test[2] : null,
        feed.skipped().count(),
        epochSecondsBefore + EvalTrainer.seconds(start));
  }

  private double[] evaluate(ImageSource set) {
    try (BatchIterator batches = feed.eval(set, 256)) {
      return steps.evaluate(batches);
    }
  }

  private void pause(double epochSeconds, double trialSeconds) {
    if (train != null) { // at an epoch end the state is written already
      save(epochSeconds, trialSeconds);
    }
    checkpoint.pause("evaluation", epoch, step);
  }

  /**
   * Writes the state between two steps (or after an epoch: {@code train} null), in the order
   * docs/checkpoints.md lists for an evaluation.
   */
  private void save(double epochSeconds, double trialSeconds) {
    checkpoint.save(
        epoch,
        train == null ? 0 : step,
        t.batchSize(),
        out -> {
          steps.save(out);
          out.json(epochs).json(feed.skipped().files());
          out.number(epoch).number(trialSeconds);
          out.flag(train != null);
          if (train != null) {
            out.number(step).number(images).number(epochSeconds).number(lossSum).number(correct);
            BatchIterator.Position at = train.position();
            out.number(at.taken()).random(at.random());
          }
        });
  }

  /** Continues from a state {@link #save} wrote; returns the trial's seconds before it. */
  double restore(StateInput in) {
    steps.restore(in);
    epochs.addAll(in.jsonList(EvalEpoch.class));
    feed.skipped().restore(in.jsonList(String.class));
    epoch = Math.toIntExact(in.integer());
    double trialSeconds = in.decimal();
    if (in.flag()) {
      step = Math.toIntExact(in.integer());
      images = in.integer();
      epochSecondsBefore = in.decimal();
      lossSum = in.decimal();
      correct = in.decimal();
      int taken = Math.toIntExact(in.integer());
      train =
          feed.resumeTrain(
              data.train(),
              t.batchSize(),
              t.seed(),
              epoch,
              new BatchIterator.Position(taken, in.random()));
    }
    return trialSeconds;
  }
}
