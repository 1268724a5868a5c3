package org.moodnas.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moodnas.data.Batch;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.ImageSet;
import org.moodnas.nn.eval.NetworkSpec;
import org.moodnas.profile.Profiler;
import org.moodnas.space.Genotype;

/**
 * Trains one genotype from scratch as PC-DARTS's train.py: SGD with momentum, cosine learning rate,
 * drop-path rising linearly over the epochs, optional auxiliary loss, global-norm clipping; reports
 * train/valid/test loss and accuracy per epoch and writes a checkpoint at the end.
 */
public final class EvalTrainer {

  private final EvalConfig config;
  private final TrainingProgress<EvalEpoch> progress;

  public EvalTrainer(EvalConfig config, TrainingProgress<EvalEpoch> progress) {
    this.config = config;
    this.progress = progress;
  }

  /**
   * Trains {@code genotype} on {@code data}; writes the checkpoint to {@code checkpointPath} when
   * not null. Throws {@link DeviceOutOfMemoryException} when the batch does not fit the device.
   */
  public EvalResult run(Genotype genotype, EvalData data, String checkpointPath) {
    long start = System.nanoTime();
    ImageSet train = data.train();
    NetworkSpec spec = spec(genotype, config, data);
    long params = new Profiler().count(spec).params();
    List<EvalEpoch> epochs = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager(config.device().toDjl())) {
      Engine.getInstance().setRandomSeed((int) config.seed());
      EvalSteps steps = new EvalSteps(config, manager, data.feed(), spec);
      CosineSchedule schedule =
          new CosineSchedule(config.learningRate(), config.learningRateMin(), config.epochs());
      for (int epoch = 0; epoch < config.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        double lr = schedule.at(epoch);
        steps.network().setDropPathProb((float) (config.dropPathProb() * epoch / config.epochs()));
        BatchIterator it = data.feed().train(train, config.batchSize(), config.seed(), epoch);
        int count = (train.size() + config.batchSize() - 1) / config.batchSize();
        double lossSum = 0;
        double correct = 0;
        long images = 0;
        for (int step = 0; it.hasNext(); step++) {
          Batch batch = it.next();
          float[] v = steps.trainStep(batch, lr, epoch, step);
          lossSum += v[0] * batch.count();
          correct += v[1];
          images += batch.count();
          double elapsed = (System.nanoTime() - epochStart) / 1e9;
          progress.step(
              epoch, step + 1, count, lossSum / images, correct / images, images / elapsed);
        }
        double[] valid = data.valid() == null ? null : evaluate(steps, data, data.valid());
        double[] test = evaluate(steps, data, data.test());
        EvalEpoch record =
            new EvalEpoch(
                epoch,
                lr,
                lossSum / images,
                correct / images,
                valid == null ? null : valid[0],
                valid == null ? null : valid[1],
                test[0],
                test[1],
                (System.nanoTime() - epochStart) / 1e9);
        epochs.add(record);
        progress.epoch(record);
      }
      if (checkpointPath != null) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", config.epochs());
        settings.put("batch_size", config.batchSize());
        settings.put("seed", config.seed());
        new EvalCheckpoint(spec, data.feed().normalization(), settings)
            .save(checkpointPath, steps.network());
      }
      EvalEpoch last = epochs.get(epochs.size() - 1);
      return new EvalResult(
          genotype.toJson(),
          "ok",
          null,
          params,
          params / 1e6,
          last.trainLoss(),
          last.trainAcc(),
          last.validLoss(),
          last.validAcc(),
          last.testLoss(),
          last.testAcc(),
          checkpointPath,
          config.device().toString(),
          config.batchSize(),
          epochs,
          (System.nanoTime() - start) / 1e9);
    } catch (NonFiniteLossException e) {
      return new EvalResult(
          genotype.toJson(),
          "failed",
          e.getMessage(),
          params,
          params / 1e6,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          config.device().toString(),
          config.batchSize(),
          epochs,
          (System.nanoTime() - start) / 1e9);
    }
  }

  /** The network {@code config} builds for {@code genotype} on {@code data}'s images. */
  public static NetworkSpec spec(Genotype genotype, EvalConfig config, EvalData data) {
    ImageSet train = data.train();
    return new NetworkSpec(
        genotype,
        config.initChannels(),
        config.layers(),
        train.classes(),
        config.auxiliary(),
        data.networkKind(),
        train.channels(),
        data.feed().imageSize(train));
  }

  private static double[] evaluate(EvalSteps steps, EvalData data, ImageSet set) {
    return steps.evaluate(data.feed().eval(set, 256), set.size());
  }
}
