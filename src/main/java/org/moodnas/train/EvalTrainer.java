package org.moodnas.train;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.LrSchedule;
import org.moodnas.core.TrainingSpec;
import org.moodnas.data.DataFeed;
import org.moodnas.data.ImageSource;
import org.moodnas.data.TrainingData;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.profile.Profiler;
import org.moodnas.space.Genotype;
import org.moodnas.train.optim.CosineSchedule;
import org.moodnas.train.optim.LearningRateSchedule;
import org.moodnas.train.optim.LinearSchedule;
import org.moodnas.train.optim.WarmUp;

/**
 * Trains one genotype from scratch as PC-DARTS's train.py (train_imagenet.py on ImageNet): SGD with
 * momentum, the spec's learning-rate schedule (cosine, or linear with a warm-up for large ImageNet
 * batches), drop-path rising linearly over the epochs, optional auxiliary loss, label smoothing,
 * global-norm clipping; reports train/valid/test loss and accuracy (and top-5 when the spec records
 * it) per epoch and writes a checkpoint at the end.
 */
public final class EvalTrainer {

  private final EvalSpec spec;
  private final TrainingProgress<EvalEpoch> progress;

  public EvalTrainer(EvalSpec spec, TrainingProgress<EvalEpoch> progress) {
    this.spec = spec;
    this.progress = progress;
  }

  /**
   * Trains without training states; see {@link #run(Genotype, TrainingData, String,
   * Checkpointing)}.
   */
  public EvalResult run(Genotype genotype, TrainingData data, String checkpointPath) {
    return run(genotype, data, checkpointPath, Checkpointing.NONE);
  }

  /**
   * Trains {@code genotype} on {@code data}, continuing from the trial's newest training state when
   * there is one; writes the trained network to {@code checkpointPath} when not null. Throws {@link
   * DeviceOutOfMemoryException} when the batch does not fit the device, {@link
   * TrainingPausedException} when asked to stop (its state written).
   */
  public EvalResult run(
      Genotype genotype, TrainingData data, String checkpointPath, Checkpointing checkpointing) {
    long start = System.nanoTime();
    TrainingSpec t = spec.training();
    NetworkSpec net = network(genotype, spec, data);
    long params = new Profiler().count(net).params();
    String device = spec.device().toString();
    List<EvalEpoch> epochs = new ArrayList<>();
    double before = 0;
    try (NDManager manager = NDManager.newBaseManager(Devices.of(spec.device()));
        TrialCheckpoint checkpoint =
            new TrialCheckpoint(checkpointing, Map.of("evaluation", spec, "genotype", genotype))) {
      EvalSteps steps = new EvalSteps(spec, manager, net);
      EvalRun run = new EvalRun(spec, steps, data, checkpoint, epochs, progress);
      before = checkpoint.restore().map(run::restore).orElse(0.0);
      while (run.epoch() < t.epochs()) {
        run.epoch(start, before);
      }
      if (checkpointPath != null) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", t.epochs());
        settings.put("batch_size", t.batchSize());
        settings.put("seed", t.seed());
        settings.put("label_smoothing", spec.labelSmoothing());
        settings.put("lr_schedule", spec.lrSchedule().toString());
        new EvalCheckpoint(net, data.normalization(), settings)
            .save(checkpointPath, steps.network());
      }
      return EvalResult.ok(
          genotype, params, epochs, checkpointPath, device, t.batchSize(), before + seconds(start));
    } catch (NonFiniteLossException e) {
      return EvalResult.failed(
          genotype, e.getMessage(), params, epochs, device, t.batchSize(), before + seconds(start));
    }
  }

  /** The batch size a trial's newest training state was written at, if it has one. */
  public static Optional<Integer> checkpointedBatchSize(Checkpointing checkpointing) {
    if (!checkpointing.enabled()) {
      return Optional.empty();
    }
    try (StateFiles files = new StateFiles(checkpointing.folder())) {
      return files
          .newest()
          .map(b -> new StateInput(files.folder(), b).header().get("batch_size"))
          .map(v -> ((Number) v).intValue());
    }
  }

  /**
   * The spec's learning rate per epoch, warmed up when the spec says so. The cosine is stepped as
   * the dataset's script steps it: after each epoch on CIFAR (train.py), before it on ImageNet
   * (train_imagenet.py).
   */
  public static LearningRateSchedule schedule(EvalSpec spec) {
    TrainingSpec t = spec.training();
    LearningRateSchedule s =
        spec.lrSchedule() == LrSchedule.LINEAR
            ? new LinearSchedule(t.learningRate(), t.epochs())
            : new CosineSchedule(
                t.learningRate(),
                t.learningRateMin(),
                t.epochs(),
                spec.data().dataset() == DatasetKind.IMAGENET,
                0);
    return spec.warmsUp() ? new WarmUp(s, t.learningRate(), TrainingSpec.WARMUP_EPOCHS) : s;
  }

  /** The network {@code spec} builds for {@code genotype} on {@code data}'s images. */
  public static NetworkSpec network(Genotype genotype, EvalSpec spec, TrainingData data) {
    ImageSource train = data.train();
    DataFeed feed = data.feed(0);
    return new NetworkSpec(
        genotype,
        spec.training().initChannels(),
        spec.training().layers(),
        train.classes(),
        spec.auxiliary(),
        data.kind() == DatasetKind.IMAGENET ? NetworkSpec.Kind.IMAGENET : NetworkSpec.Kind.CIFAR,
        train.channels(),
        feed.imageSize(train),
        true);
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
