package org.moodnas.analysis.ensemble;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
 * Evaluates an ensemble of trained networks in ensemble.py's order: weights (by mode) fitted on the
 * predictions frame of the split that weighs the members, test accuracy and the members' mean loss
 * from the test split's frame ({@link EnsembleWeighing}, {@link WeightedEnsemble}: DataFrame
 * transforms), then the training part scored with the training transform (augmented, shuffled with
 * the seed) under the same weights, batch by batch with each member's checkpoint loaded here.
 */
public final class EnsembleEvaluation {

  /** A trained network: its run and name, checkpoint and parameter count. */
  public record Member(MemberKey key, String checkpoint, long params) {

    public String name() {
      return key.member();
    }
  }

  /**
   * The members' predictions: on the test split, and on the split that weighs them (null when the
   * weights are uniform).
   */
  public record Frames(Dataset<Row> test, Dataset<Row> weighing) {}

  /** ensemble.py's batch; top-k counts do not depend on it, the augmentation draws might. */
  static final int TRAIN_BATCH = 96;

  private final DeviceSpec device;
  private final PrintWriter log;

  public EnsembleEvaluation(DeviceSpec device, PrintWriter log) {
    this.device = device;
    this.log = log;
  }

  /**
   * Scores {@code members}: weights (by {@code mode}) and test figures from {@code frames}, then
   * accuracy on {@code data}'s training part augmented with {@code seed} and cutout of side {@code
   * cutoutLength} (0: none).
   */
  public EnsembleResult evaluate(
      List<Member> members,
      TrainingData data,
      EnsembleMode mode,
      long seed,
      int cutoutLength,
      Frames frames) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    if (mode != EnsembleMode.UNIFORM && frames.weighing() == null) {
      throw new IllegalArgumentException(
          "calculated weights need a part of the training set to weigh the members on");
    }
    List<MemberKey> keys = members.stream().map(Member::key).toList();
    WeightedEnsemble ensemble =
        new EnsembleWeighing(keys, mode)
            .fit(mode == EnsembleMode.UNIFORM ? frames.test() : frames.weighing());
    if (ensemble.uniformFallback()) {
      log.println(
          "ensemble: no member classified any image of the weighing split that another got"
              + " wrong (every score 0): uniform weights instead");
      log.flush();
    }
    return score(ensemble, members, data, seed, cutoutLength, frames, mode != EnsembleMode.UNIFORM);
  }

  /**
   * Scores {@code ensemble} (whose members are {@code members}, in its order) as {@link #evaluate}
   * does once the weights are known; top-1 on the weighing frame when {@code weighed}.
   */
  public EnsembleResult score(
      WeightedEnsemble ensemble,
      List<Member> members,
      TrainingData data,
      long seed,
      int cutoutLength,
      Frames frames,
      boolean weighed) {
    if (!ensemble.members().equals(members.stream().map(Member::key).toList())) {
      throw new IllegalArgumentException("the members are not the ensemble's");
    }
    double[][] w = ensemble.weights();
    WeightedEnsemble.Figures test = ensemble.figures(frames.test());
    Double heldOutTop1 = weighed ? ensemble.figures(frames.weighing()).top1() : null;
    // The published recipe passes ensemble.py the --cutout its members trained with.
    Train train = train(members, data.feed(cutoutLength), data, seed, w);
    return new EnsembleResult(
        w,
        members.stream().mapToLong(Member::params).sum(),
        test.top1(),
        test.top5(),
        test.loss(),
        train.top1(),
        train.top5(),
        train.loss(),
        heldOutTop1);
  }

  private record Train(double top1, double top5, double loss) {}

  /**
   * The ensemble on the training part, batch by batch (every member sees each augmented batch): an
   * ImageNet training part's logits would not fit in memory whole.
   */
  private Train train(
      List<Member> members, DataFeed feed, TrainingData data, long seed, double[][] weights) {
    List<NDManager> managers = new ArrayList<>();
    try {
      List<EvalNetwork> networks = new ArrayList<>();
      for (Member m : members) {
        NDManager manager = NDManager.newBaseManager(Devices.of(device));
        managers.add(manager);
        networks.add(EvalCheckpoint.load(m.checkpoint(), manager).network());
      }
      return train(networks, managers, feed, data, seed, weights);
    } finally {
      managers.forEach(NDManager::close);
    }
  }

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
