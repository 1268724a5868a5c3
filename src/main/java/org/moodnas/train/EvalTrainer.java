package org.moodnas.train;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.LrSchedule;
import org.moodnas.core.TrainingSpec;
import org.moodnas.data.Batch;
import org.moodnas.data.BatchIterator;
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
   * Trains {@code genotype} on {@code data}; writes the checkpoint to {@code checkpointPath} when
   * not null. Throws {@link DeviceOutOfMemoryException} when the batch does not fit the device.
   */
  public EvalResult run(Genotype genotype, TrainingData data, String checkpointPath) {
    long start = System.nanoTime();
    TrainingSpec t = spec.training();
    NetworkSpec net = network(genotype, spec, data);
    long params = new Profiler().count(net).params();
    DataFeed feed = data.feed(t.cutoutOrZero());
    String device = spec.device().toString();
    List<EvalEpoch> epochs = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager(Devices.of(spec.device()))) {
      EvalSteps steps = new EvalSteps(spec, manager, net);
      LearningRateSchedule schedule = schedule(spec);
      for (int epoch = 0; epoch < t.epochs(); epoch++) {
        EvalEpoch record = epoch(steps, feed, data, epoch, schedule.at(epoch));
        epochs.add(record);
        progress.epoch(record);
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
          genotype, params, epochs, checkpointPath, device, t.batchSize(), seconds(start));
    } catch (NonFiniteLossException e) {
      return EvalResult.failed(
          genotype, e.getMessage(), params, epochs, device, t.batchSize(), seconds(start));
    }
  }

  private EvalEpoch epoch(EvalSteps steps, DataFeed feed, TrainingData data, int epoch, double lr) {
    TrainingSpec t = spec.training();
    long start = System.nanoTime();
    steps.network().dropPath().setProb((float) (spec.dropPathProb() * epoch / t.epochs()));
    ImageSource train = data.train();
    BatchIterator it = feed.train(train, t.batchSize(), t.seed(), epoch);
    int count = (train.size() + t.batchSize() - 1) / t.batchSize();
    double lossSum = 0;
    double correct = 0;
    long images = 0;
    for (int step = 0; it.hasNext(); step++) {
      Batch batch = it.next();
      float[] v = steps.trainStep(batch, lr, epoch, step);
      lossSum += v[0] * batch.count();
      correct += v[1];
      images += batch.count();
      double elapsed = (System.nanoTime() - start) / 1e9;
      progress.step(epoch, step + 1, count, lossSum / images, correct / images, images / elapsed);
    }
    double[] valid = data.heldOut() == null ? null : evaluate(steps, feed, data.heldOut());
    double[] test = evaluate(steps, feed, data.test());
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
        seconds(start));
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

  private static double[] evaluate(EvalSteps steps, DataFeed feed, ImageSource set) {
    return steps.evaluate(feed.eval(set, 256));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
