package org.moodnas.analysis.ensemble;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.moodnas.core.DeviceSpec;
import org.moodnas.core.EnsembleMode;
import org.moodnas.core.EnsembleResult;
import org.moodnas.data.DataFeed;
import org.moodnas.data.TrainingData;
import org.moodnas.train.Devices;
import org.moodnas.train.EvalCheckpoint;

/**
 * Evaluates an ensemble of trained networks: each member's checkpoint is loaded and scores the test
 * set (and, for calculated weights, the held-out part of the training set) with test-time
 * transforms; weights come from the held-out logits, accuracy from the test logits.
 */
public final class EnsembleEvaluation {

  /** A trained network: its name, checkpoint and parameter count. */
  public record Member(String name, String checkpoint, long params) {}

  private final DeviceSpec device;

  public EnsembleEvaluation(DeviceSpec device) {
    this.device = device;
  }

  public EnsembleResult evaluate(List<Member> members, TrainingData data, EnsembleMode mode) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member");
    }
    if (mode != EnsembleMode.UNIFORM && data.heldOut() == null) {
      throw new IllegalArgumentException(
          "calculated weights need the held-out part of the training set; the members were"
              + " trained on all of it (train portion 1)");
    }
    DataFeed feed = data.feed(0);
    List<Logits> test = new ArrayList<>();
    List<Logits> heldOut = new ArrayList<>();
    for (Member m : members) {
      try (NDManager manager = NDManager.newBaseManager(Devices.of(device))) {
        EvalCheckpoint.Loaded loaded = EvalCheckpoint.load(m.checkpoint(), manager);
        test.add(Logits.of(loaded.network(), manager, feed, data.test()));
        if (mode != EnsembleMode.UNIFORM) {
          heldOut.add(Logits.of(loaded.network(), manager, feed, data.heldOut()));
        }
      }
    }
    double[][] weights =
        EnsembleWeights.compute(mode == EnsembleMode.UNIFORM ? test : heldOut, mode);
    EnsembleScores scores = EnsembleScores.combine(test, weights);
    double loss = test.stream().mapToDouble(EnsembleScores::crossEntropy).average().orElseThrow();
    Double heldOutTop1 =
        mode == EnsembleMode.UNIFORM ? null : EnsembleScores.combine(heldOut, weights).topK(1);
    return new EnsembleResult(
        weights,
        members.stream().mapToLong(Member::params).sum(),
        scores.topK(1),
        scores.topK(5),
        loss,
        heldOutTop1);
  }
}
