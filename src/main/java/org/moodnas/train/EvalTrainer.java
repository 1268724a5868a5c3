package org.moodnas.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.moodnas.data.Batch;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.ImageSet;
import org.moodnas.nn.eval.EvalNetwork;
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
    NetworkSpec spec =
        NetworkSpec.cifar(
                genotype,
                config.initChannels(),
                config.layers(),
                train.classes(),
                config.auxiliary())
            .withInput(train.channels(), train.height());
    long params = new Profiler().count(spec).params();
    List<EvalEpoch> epochs = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager(config.device())) {
      Engine.getInstance().setRandomSeed((int) config.seed());
      EvalNetwork net = spec.build();
      net.initialize(manager, DataType.FLOAT32, spec.inputShape(config.batchSize()));
      ParameterStore store = new ParameterStore(manager, false);
      List<Parameter> weights = Trainables.trainable(net);
      List<NDArray> all = Trainables.allArrays(net);
      NDManager optimizerState = manager.newSubManager();
      Sgd sgd = new Sgd(config.momentum(), config.weightDecay());
      CosineSchedule schedule =
          new CosineSchedule(config.learningRate(), config.learningRateMin(), config.epochs());
      Random rng = new Random(config.seed());
      for (int epoch = 0; epoch < config.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        double lr = schedule.at(epoch);
        net.setDropPathProb((float) (config.dropPathProb() * epoch / config.epochs()));
        BatchIterator it = data.feed().train(train, config.batchSize(), rng);
        int steps = it.batchCount();
        double lossSum = 0;
        double correct = 0;
        long images = 0;
        for (int step = 0; it.hasNext(); step++) {
          Batch batch = it.next();
          List<NDArray> longLived = new ArrayList<>(all);
          longLived.addAll(sgd.state());
          try (StepScope scope = new StepScope(manager, longLived)) {
            NDList xy = data.feed().toArrays(batch, scope.manager);
            NDArray stats;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              NDList out = net.forward(store, new NDList(xy.get(0)), true);
              NDArray loss = CrossEntropy.mean(out.get(0), xy.get(1));
              if (out.size() > 1) {
                loss =
                    loss.add(
                        CrossEntropy.mean(out.get(1), xy.get(1))
                            .mul((float) config.auxiliaryWeight()));
              }
              gc.backward(loss);
              stats = NDArrays.stack(new NDList(loss, CrossEntropy.correct(out.get(0), xy.get(1))));
            }
            float[] v = stats.toFloatArray();
            if (!Double.isFinite(v[0])) {
              throw new NonFiniteLossException("the training loss", epoch, step, v[0]);
            }
            List<NDArray> grads = Trainables.gradients(weights);
            GradientClipping.clipGlobalNorm(grads, config.gradClip());
            sgd.step(Trainables.arrays(weights), grads, lr, optimizerState);
            Trainables.zeroGradients(all);
            lossSum += v[0] * batch.count();
            correct += v[1];
            images += batch.count();
          } catch (RuntimeException e) {
            if (DeviceOutOfMemoryException.isOutOfMemory(e)) {
              throw new DeviceOutOfMemoryException(
                  config.device().toString(), config.batchSize(), e);
            }
            throw e;
          }
          double elapsed = (System.nanoTime() - epochStart) / 1e9;
          progress.step(
              epoch, step + 1, steps, lossSum / images, correct / images, images / elapsed);
        }
        double[] valid =
            data.valid() == null ? null : evaluate(net, store, manager, all, data, data.valid());
        double[] test = evaluate(net, store, manager, all, data, data.test());
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
        new EvalCheckpoint(spec, data.feed().normalization(), settings).save(checkpointPath, net);
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

  /** {mean loss, accuracy} in inference mode, no augmentation. */
  static double[] evaluate(
      EvalNetwork net,
      ParameterStore store,
      NDManager manager,
      List<NDArray> all,
      EvalData data,
      ImageSet set) {
    double loss = 0;
    double correct = 0;
    BatchIterator it = data.feed().eval(set, 256);
    while (it.hasNext()) {
      Batch batch = it.next();
      try (StepScope scope = new StepScope(manager, all)) {
        NDList xy = data.feed().toArrays(batch, scope.manager);
        NDArray logits = net.forward(store, new NDList(xy.get(0)), false).head();
        float[] v =
            NDArrays.stack(
                    new NDList(
                        CrossEntropy.mean(logits, xy.get(1)),
                        CrossEntropy.correct(logits, xy.get(1))))
                .toFloatArray();
        loss += v[0] * batch.count();
        correct += v[1];
      }
    }
    return new double[] {loss / set.size(), correct / set.size()};
  }
}
