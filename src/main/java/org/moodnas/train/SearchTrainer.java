package org.moodnas.train;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.moodnas.nn.search.SupernetSpec;
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

  /** Searches without checkpoints; see {@link #run(TrainingData, Checkpointing)}. */
  public TrialResult run(TrainingData data) {
    return run(data, Checkpointing.NONE);
  }

  /**
   * Searches on {@code data} (weights on its train part, α and β on the held-out part), continuing
   * from the trial's newest checkpoint when there is one; a non-finite loss gives a failed result,
   * not an exception. A stop request ends the search at a step boundary with its state written
   * ({@link TrainingPausedException}).
   */
  public TrialResult run(TrainingData data, Checkpointing checkpointing) {
    long start = System.nanoTime();
    TrainingSpec t = spec.training();
    List<SearchEpoch> epochs = new ArrayList<>();
    double before = 0;
    try (NDManager manager = NDManager.newBaseManager(Devices.of(spec.device()));
        TrialCheckpoint checkpoint =
            new TrialCheckpoint(checkpointing, Map.of("search", spec, "weight", weight))) {
      Run run = new Run(manager, data, checkpoint, epochs);
      long supernetParams = run.steps.supernetParams();
      progress.started(supernetLine(supernetParams));
      before = checkpoint.restore().map(run::restore).orElse(0.0);
      while (run.epoch < t.epochs()) {
        run.epoch(start, before);
      }
      SearchEpoch last = epochs.get(epochs.size() - 1);
      SearchMetrics metrics =
          SearchMetrics.of(
              spec.objective(), last, modelSizeMb(last.genotype(), data), supernetParams);
      return TrialResult.ok(
          spec,
          weight,
          metrics,
          last.genotype(),
          spec.device().toString(),
          epochs,
          before + seconds(start));
    } catch (NonFiniteLossException e) {
      return TrialResult.failed(
          spec, weight, e.getMessage(), spec.device().toString(), epochs, before + seconds(start));
    }
  }

  /**
   * One warning line when the spec's supernet has no reduction cell (CIFAR's below 5 layers), so
   * that its reduction α and β are never trained and the genotype's reduction cell is their initial
   * draw; empty otherwise.
   */
  public static Optional<String> supernetWarning(SearchSpec spec) {
    SupernetSpec supernet = SearchSteps.supernet(spec, 1);
    if (supernet.hasReductionCells()) {
      return Optional.empty();
    }
    return Optional.of(
        "supernet of "
            + supernet.layers()
            + " layers has no reduction cells (model_search.py reduces only from "
            + SupernetSpec.MIN_CIFAR_REDUCING_LAYERS
            + " layers): the reduction cell's α is not trained");
  }

  /** "supernet: 299,578 parameters (0.299578 MB)", train_search.py's "param size" in words. */
  static String supernetLine(long params) {
    return String.format("supernet: %,d parameters (%s MB)", params, params / 1e6);
  }

  /**
   * Whether the search validates after {@code epoch}: after the last epoch (train_search.py), on
   * ImageNet after each of the last 3 (train_search_imagenet.py).
   */
  static boolean validates(DatasetKind kind, int epoch, int epochs) {
    return kind == DatasetKind.IMAGENET ? epoch >= epochs - 3 : epoch == epochs - 1;
  }

  /**
   * The batches a validation after {@code epoch} runs over: the architecture split through the
   * training transform, as PC-DARTS's infer() reads its valid_queue, shuffled and augmented from a
   * seed of its own (deterministic, apart from the training's draws).
   */
  static BatchIterator validationBatches(
      DataFeed feed, TrainingData data, TrainingSpec t, int epoch) {
    return feed.train(data.heldOut(), t.batchSize(), t.seed() + 2, epoch);
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

  /**
   * The state of one running search: the supernet and its optimizers, the epoch and the steps done
   * in it with the epoch's running sums, and the open passes over both splits. Between two steps
   * that is everything the search's future depends on, which is what a checkpoint keeps.
   */
  private final class Run {
    final TrainingData data;
    final DataFeed feed;
    final TrainingSpec t = spec.training();
    final SearchSteps steps;
    final LearningRateSchedule schedule;
    final TrialCheckpoint checkpoint;
    final List<SearchEpoch> epochs;
    int epoch;
    int archPasses;
    // within an epoch
    BatchIterator train;
    BatchIterator arch;
    int step;
    double[] sums = new double[5]; // loss, ce, l1, l2 (image-weighted), correct
    long images;
    StepStats lastStep;
    double epochSecondsBefore;

    Run(
        NDManager manager,
        TrainingData data,
        TrialCheckpoint checkpoint,
        List<SearchEpoch> epochs) {
      this.data = data;
      this.feed = data.searchFeed(t.cutoutOrZero());
      this.checkpoint = checkpoint;
      this.epochs = epochs;
      ImageSource s = data.train();
      steps = new SearchSteps(spec, weight, manager, s.channels(), feed.imageSize(s), s.classes());
      schedule = schedule(data.kind(), t);
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
          double elapsed = epochSecondsBefore + seconds(start);
          progress.step(epoch, step, count, sums[0] / images, sums[4] / images, images / elapsed);
          if (checkpoint.stopRequested()) {
            pause(epochSecondsBefore + seconds(start), before + seconds(trialStart));
          } else if (checkpoint.due()) {
            save(epochSecondsBefore + seconds(start), before + seconds(trialStart));
          }
        }
      } finally {
        closePasses();
      }
      Double validAcc = validates(data.kind(), epoch, t.epochs()) ? validate(epoch) : null;
      SearchEpoch record =
          new SearchEpoch(
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
              epochSecondsBefore + seconds(start));
      epochs.add(record);
      epoch++;
      if (checkpoint.enabled()) {
        save(0, before + seconds(trialStart));
      }
      progress.epoch(record);
      if (checkpoint.stopRequested() && epoch < t.epochs()) {
        pause(0, before + seconds(trialStart));
      }
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
      try (BatchIterator it = validationBatches(feed, data, t, epoch)) {
        while (it.hasNext()) {
          Batch batch = it.next();
          correct += steps.correct(batch);
          images += batch.count();
        }
      }
      return (double) correct / images;
    }
  }
}
