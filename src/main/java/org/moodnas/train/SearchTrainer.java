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
      SearchRun run = new SearchRun(spec, weight, progress, manager, data, checkpoint, epochs);
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

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
