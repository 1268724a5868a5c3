package org.moodnas.spark.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.core.BatchRule;
import org.moodnas.core.BatchSizing;
import org.moodnas.core.CheckpointSpec;
import org.moodnas.core.EvalCandidate;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.ProfilingSpec;
import org.moodnas.data.TrainingData;
import org.moodnas.memory.MemoryModel;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.spark.SparkSessions;
import org.moodnas.testing.TinyFashionMnist;
import org.moodnas.train.DeviceOutOfMemoryException;
import org.moodnas.train.EvalTrainer;
import org.moodnas.train.TrainingProgress;

/**
 * An evaluation task whose training runs out of device memory part-way (the trainer wrapped to fail
 * as a device would, after it wrote training states) trains again from scratch with a batch 5
 * smaller, and records both attempts.
 */
@Tag("slow")
class EvalTaskTest {

  @TempDir Path dir;

  /** The trainer, except that its first training fails out of memory at its second step. */
  private static EvalAttempt outOfMemoryOnce(AtomicInteger attempts) {
    return (spec, genotype, data, network, states, progress) -> {
      boolean first = attempts.incrementAndGet() == 1;
      TrainingProgress<EvalEpoch> failing =
          new TrainingProgress<>() {
            @Override
            public void step(int epoch, int step, int steps, double l, double a, double ips) {
              if (first && step == 2) {
                throw new DeviceOutOfMemoryException(
                    "cpu", spec.training().batchSize(), new OutOfMemoryError("test"));
              }
            }
          };
      return EvalAttempt.TRAINER.train(spec, genotype, data, network, states, failing);
    };
  }

  @Test
  void anOutOfMemoryTrainingStartsOverFiveSmallerDiscardingItsStates() {
    EvalSpec spec = TinyFashionMnist.eval();
    EvalCandidate candidate =
        new EvalCandidate(
            "PC_DARTS_cifar", GenotypeRegistry.bundled().get("PC_DARTS_cifar"), null, null);
    AtomicInteger attempts = new AtomicInteger();
    EvalTask task =
        new EvalTask(
            0,
            candidate,
            spec,
            new BatchSizing(null, 8, 500, null, BatchRule.PUBLISHED),
            MemoryModel.published(SparkSessions.getOrCreate("local[2]")),
            dir.resolve("net.ckpt").toString(),
            ProfilingSpec.DEFAULT,
            new CheckpointSpec(dir.resolve("states").toString(), 0, false),
            outOfMemoryOnce(attempts));
    EvalResult r = task.run(null, new TaskSlot(1, 2));

    assertThat(attempts.get()).isEqualTo(2);
    assertThat(r.ok()).as(r.error()).isTrue();
    assertThat(r.batchSize()).isEqualTo(27);
    assertThat(r.attempts()).isEqualTo(2);
    // from scratch at 27: what a training at 27 gives alone, not a continuation of the one at 32
    TrainingData data = DataCache.get(spec.data(), spec.training());
    EvalResult alone =
        new EvalTrainer(spec.withBatchSize(27), TrainingProgress.none())
            .run(candidate.genotype(), data, null);
    assertThat(r.epochs().get(0).trainLoss()).isEqualTo(alone.epochs().get(0).trainLoss());
    assertThat(r.epochs().get(0).testAcc()).isEqualTo(alone.epochs().get(0).testAcc());
  }
}
