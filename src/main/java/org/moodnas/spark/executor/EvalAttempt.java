package org.moodnas.spark.executor;

import java.io.Serializable;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.data.TrainingData;
import org.moodnas.space.Genotype;
import org.moodnas.train.Checkpointing;
import org.moodnas.train.EvalTrainer;
import org.moodnas.train.TrainingProgress;

/**
 * One training of an evaluation at one batch size, which {@link BatchBackoff} may repeat smaller:
 * the {@link EvalTrainer}, or (in tests) a trainer wrapped to fail as a device would.
 */
@FunctionalInterface
public interface EvalAttempt extends Serializable {

  /** Trains as {@link EvalTrainer#run(Genotype, TrainingData, String, Checkpointing)}. */
  EvalAttempt TRAINER =
      (spec, genotype, data, network, states, progress) ->
          new EvalTrainer(spec, progress).run(genotype, data, network, states);

  EvalResult train(
      EvalSpec spec,
      Genotype genotype,
      TrainingData data,
      String network,
      Checkpointing states,
      TrainingProgress<EvalEpoch> progress);
}
