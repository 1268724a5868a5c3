package org.moodnas.analysis.ensemble;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.EnsembleMode;
import org.moodnas.core.EnsembleResult;
import org.moodnas.data.BatchIterator;
import org.moodnas.data.DataFeed;
import org.moodnas.data.TrainingData;
import org.moodnas.nn.eval.EvalNetwork;
import org.moodnas.train.Devices;
import org.moodnas.train.EvalCheckpoint;

/**
 * Evaluates an ensemble of trained networks as ensemble.py does: each member's checkpoint is
 * loaded; calculated weights come from the members' logits on the rest of the training set
 * (test-time transform), accuracy from the test set, and then the training part is scored with the
 * training transform (augmented, shuffled with the seed) under the same weights.
 */
public final class EnsembleEvaluation {

  /** A trained network: its name, checkpoint and parameter count. */
  public record Member(String name, String checkpoint, long params) {}

  /** ensemble.py's batch; top-k counts do not depend on it, the augmentation draws might. */
  static final int TRAIN_BATCH = 96;

  private final DeviceSpec device;
  private final PrintWriter log;

  public EnsembleEvaluation(DeviceSpec device, PrintWriter log) {
    this.device = device;
    this.log = log;
  }

  /**
   * Scores {@code members} on {@code data}: weights (by {@code mode}) from its held-out part, test
   * accuracy, then accuracy on its training part augmented with {@code seed} and cutout of side
   * {@code cutoutLength} (0: none).
   */
  public EnsembleResult evaluate(
      List<Member> members, TrainingData data, EnsembleMode mode, long seed, int cutoutLength) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    if (mode != EnsembleMode.UNIFORM && data.heldOut() == null) {
      throw new IllegalArgumentException(
          "calculated weights need a part of the training set to weigh the members on");
    }
    // The published recipe passes ensemble.py the --cutout its members trained with.
    DataFeed feed = data.feed(cutoutLength);
    List<NDManager> managers = new ArrayList<>();
    try {
      List<EvalNetwork> networks = new ArrayList<>();
      List<Logits> test = new ArrayList<>();
      List<Logits> heldOut = new ArrayList<>();
      for (Member m : members) {
        NDManager manager = NDManager.newBaseManager(Devices.of(device));
        managers.add(manager);
        EvalNetwork network = EvalCheckpoint.load(m.checkpoint(), manager).network();
        networks.add(network);
        test.add(Logits.of(network, manager, feed, data.test()));
        if (mode != EnsembleMode.UNIFORM) {
          heldOut.add(Logits.of(network, manager, feed, data.heldOut()));
        }
      }
      EnsembleWeights.Weights weights =
          EnsembleWeights.compute(mode == EnsembleMode.UNIFORM ? test : heldOut, mode);
      if (weights.uniformFallback()) {
        log.println(
            "ensemble: no member classified any image of the weighing split that another got"
                + " wrong (every score 0): uniform weights instead");
        log.flush();
      }
      double[][] w = weights.values();
      EnsembleScores scores = EnsembleScores.combine(test, w);
      double loss = test.stream().mapToDouble(EnsembleScores::crossEntropy).average().orElseThrow();
      Double heldOutTop1 =
          mode == EnsembleMode.UNIFORM ? null : EnsembleScores.combine(heldOut, w).topK(1);
      Train train = train(networks, managers, feed, data, seed, w);
      return new EnsembleResult(
          w,
          members.stream().mapToLong(Member::params).sum(),
          scores.topK(1),
          scores.topK(5),
          loss,
          train.top1(),
          train.top5(),
          train.loss(),
          heldOutTop1);
    } finally {
      managers.forEach(NDManager::close);
    }
  }

  private record Train(double top1, double top5, double loss) {}

  /**
   * The ensemble on the training part, batch by batch (every member sees each augmented batch): an
   * ImageNet training part's logits would not fit in memory whole.
   */
  private static Train train(
      List<EvalNetwork> networks,
      List<NDManager> managers,
      DataFeed feed,
      TrainingData data,
      long seed,
      double[][] weights) {
    List<ParameterStore> stores = managers.stream().map(m -> new ParameterStore(m, false)).toList();
    long top1 = 0;
    long top5 = 0;
    double loss = 0;
    long n = 0;
    BatchIterator batches = feed.train(data.train(), TRAIN_BATCH, seed, 0);
    while (batches.hasNext()) {
      var batch = batches.next();
      List<Logits> logits = new ArrayList<>();
      for (int m = 0; m < networks.size(); m++) {
        Logits l = Logits.of(networks.get(m), stores.get(m), managers.get(m), batch);
        logits.add(l);
        loss += EnsembleScores.crossEntropy(l) * l.samples() / networks.size();
      }
      EnsembleScores scores = EnsembleScores.combine(logits, weights);
      top1 += scores.hits(1);
      top5 += scores.hits(5);
      n += batch.count();
    }
    return new Train((double) top1 / n, (double) top5 / n, loss / n);
  }
}
