package org.moodnas.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.moodnas.data.Batch;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.ImageSet;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.profile.Profiler;
import org.moodnas.space.Genotype;

/**
 * One PC-DARTS search with a MOOD-NAS penalty (one ν → one {@link TrialResult}). First order: from
 * epoch {@code archWarmupEpochs} on, each weight step is preceded by an architecture step (Adam on
 * α and β, plain cross-entropy on a batch of the architecture split); the weight step minimizes
 * criterion_weight · CE + ν · penalty with SGD, cosine learning rate and global-norm clipping.
 */
public final class SearchTrainer {

  private final SearchConfig config;
  private final TrainingProgress<SearchEpoch> progress;

  public SearchTrainer(SearchConfig config, TrainingProgress<SearchEpoch> progress) {
    this.config = config;
    this.progress = progress;
  }

  /** Searches on {@code data}; a non-finite loss gives a failed result, not an exception. */
  public TrialResult run(SearchData data) {
    long start = System.nanoTime();
    List<SearchEpoch> epochs = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager(config.device().toDjl())) {
      Engine.getInstance().setRandomSeed((int) config.seed());
      Run run = new Run(manager, data);
      for (int epoch = 0; epoch < config.epochs(); epoch++) {
        epochs.add(run.epoch(epoch, epoch == config.epochs() - 1));
        progress.epoch(epochs.get(epochs.size() - 1));
      }
      SearchEpoch last = epochs.get(epochs.size() - 1);
      Genotype genotype = Genotype.fromJson(last.genotype());
      double reg = config.objective() == Objective.L1 ? last.l1Loss() : last.l2Loss();
      return new TrialResult(
          config.objective().id(),
          config.regWeight(),
          config.criterionWeight(),
          config.weightDecay(),
          "ok",
          null,
          reg,
          last.criterionLoss(),
          last.l1Loss(),
          last.l2Loss(),
          last.trainAcc(),
          last.validAcc(),
          modelSizeMb(genotype, data),
          genotype.toJson(),
          config.device().toString(),
          epochs,
          seconds(start));
    } catch (NonFiniteLossException e) {
      return TrialResult.failed(
          config.objective().id(),
          config.regWeight(),
          config.criterionWeight(),
          config.weightDecay(),
          e.getMessage(),
          config.device().toString(),
          epochs,
          seconds(start));
    }
  }

  /** DESIGN.md's model size: the evaluation network at 36 channels, 20 layers, no head. */
  static double modelSizeMb(Genotype genotype, SearchData data) {
    ImageSet s = data.weightsSet();
    NetworkSpec spec =
        NetworkSpec.cifar(genotype, 36, 20, s.classes(), false).withInput(s.channels(), s.height());
    return new Profiler().count(spec).paramSizeMb();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** The state of one running search. */
  private final class Run {
    final SearchData data;
    final SearchSteps steps;
    final CosineSchedule schedule;
    int archPasses;

    Run(NDManager manager, SearchData data) {
      this.data = data;
      ImageSet s = data.weightsSet();
      steps =
          new SearchSteps(
              config, manager, data.feed(), s.channels(), data.feed().imageSize(s), s.classes());
      schedule =
          new CosineSchedule(config.learningRate(), config.learningRateMin(), config.epochs());
    }

    SearchEpoch epoch(int epoch, boolean last) {
      long start = System.nanoTime();
      double lr = schedule.at(epoch);
      boolean archSteps = epoch >= config.archWarmupEpochs();
      BatchIterator train =
          data.feed().train(data.weightsSet(), config.batchSize(), config.seed(), epoch);
      BatchIterator arch =
          data.feed().train(data.archSet(), config.batchSize(), config.seed() + 1, archPasses++);
      int count = (data.weightsSet().size() + config.batchSize() - 1) / config.batchSize();
      double[] sums = new double[5]; // loss, ce, l1, l2 (image-weighted), correct
      long images = 0;
      for (int step = 0; train.hasNext(); step++) {
        Batch batch = train.next();
        if (archSteps) {
          if (!arch.hasNext()) {
            arch =
                data.feed()
                    .train(data.archSet(), config.batchSize(), config.seed() + 1, archPasses++);
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
          steps.genotype().toJson(),
          seconds(start));
    }

    /** Top-1 accuracy on the architecture split, as PC-DARTS's infer(). */
    private double validate() {
      long correct = 0;
      BatchIterator it = data.feed().eval(data.archSet(), config.batchSize());
      while (it.hasNext()) {
        correct += steps.correct(it.next());
      }
      return (double) correct / data.archSet().size();
    }
  }
}
