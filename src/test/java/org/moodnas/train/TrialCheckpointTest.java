package org.moodnas.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.SearchEpoch;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.TrialResult;
import org.moodnas.core.Weight;
import org.moodnas.data.TrainingData;
import org.moodnas.space.Genotype;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.testing.TinyFashionMnist;
import org.moodnas.testing.Untimed;

/**
 * A trial killed anywhere continues from its newest checkpoint and ends exactly where the
 * uninterrupted trial ends: the same epoch records (timings aside), genotype and final weights, and
 * the same optimizer state. Long: every way a trial can stop, each against the same two
 * uninterrupted references.
 */
@Tag("slow")
class TrialCheckpointTest {

  private static final Duration EVERY_STEP = Duration.ZERO;
  private static final Duration ONLY_EPOCH_ENDS = Duration.ofDays(1);

  private static TrainingData search;
  private static TrainingData eval;

  /** The uninterrupted trials every test compares with, their final states in these folders. */
  @TempDir static Path references;

  private static TrialResult searchReference;
  private static EvalResult evalReference;

  @TempDir Path dir;

  @BeforeAll
  static void data() {
    // one PyTorch thread, as a task slot of one core: the same summation order in every training,
    // and no oversubscription beside other work
    Devices.useCpuThreads(1);
    PrintWriter quiet = new PrintWriter(new StringWriter());
    // 3 weight steps of 32 per epoch and 2 architecture batches: a new pass over the architecture
    // split begins inside every epoch, so its position is part of the state.
    TrainingData s = TrainingData.load(TinyFashionMnist.data(), 2, 0.5, quiet);
    search =
        new TrainingData(
            s.train().range(0, 96),
            s.heldOut().range(0, 64),
            s.test().range(0, 0),
            s.normalization(),
            s.kind());
    TrainingData e = TrainingData.load(TinyFashionMnist.data(), 0, 0.8, quiet);
    eval =
        new TrainingData(
            e.train().range(0, 96),
            e.heldOut().range(0, 32),
            e.test().range(0, 64),
            e.normalization(),
            e.kind());
    searchReference = search(TrainingProgress.none(), referenceInto("search"));
    evalReference =
        train(
            TrainingProgress.none(),
            referenceInto("eval"),
            references.resolve("eval.ckpt").toString());
  }

  private static Checkpointing referenceInto(String name) {
    return Checkpointing.into(references.resolve(name).toString(), ONLY_EPOCH_ENDS, null);
  }

  private static SearchSpec searchSpec() {
    SearchSpec tiny = TinyFashionMnist.search();
    return tiny.withTraining(tiny.training().toBuilder().epochs(4).batchSize(32).build());
  }

  /** Three epochs with drop path rising, cutout and the auxiliary head: every generator in use. */
  private static EvalSpec evalSpec() {
    EvalSpec tiny = TinyFashionMnist.eval().withAuxiliary(true);
    return tiny.withTraining(
        tiny.training().toBuilder().epochs(3).cutout(true).cutoutLength(8).build());
  }

  /** A crash: thrown from the progress callback, after which nothing more is written. */
  private static final class Killed extends RuntimeException {
    Killed() {
      super("killed");
    }
  }

  /** Progress that kills the training at one step (epoch, 1-based step) or after one epoch. */
  private static <E> TrainingProgress<E> killAt(int epoch, int step, AtomicInteger steps) {
    return new TrainingProgress<>() {
      @Override
      public void step(int e, int s, int count, double loss, double acc, double ips) {
        steps.incrementAndGet();
        if (e == epoch && s == step) {
          throw new Killed();
        }
      }

      @Override
      public void epoch(E record) {
        int e = record instanceof SearchEpoch se ? se.epoch() : ((EvalEpoch) record).epoch();
        if (step == 0 && e == epoch) {
          throw new Killed();
        }
      }
    };
  }

  private Checkpointing into(String name, Duration every) {
    return Checkpointing.into(dir.resolve(name).toString(), every, null);
  }

  private static TrialResult search(TrainingProgress<SearchEpoch> p, Checkpointing c) {
    return new SearchTrainer(searchSpec(), new Weight(0.2, 1), p).run(search, c);
  }

  @Test
  void aSearchKilledInsideAnEpochContinuesBitForBit() throws IOException {
    TrialResult reference = searchReference;
    Checkpointing c = into("killed", EVERY_STEP);
    AtomicInteger first = new AtomicInteger();
    assertThatThrownBy(() -> search(killAt(2, 3, first), c)).isInstanceOf(Killed.class);
    AtomicInteger second = new AtomicInteger();
    TrialResult continued = search(killAt(-1, -1, second), c);

    assertSameSearch(continued, reference);
    assertSameState(dir.resolve("killed"), references.resolve("search"));
    // killed at the third step of epoch 2 with a state after each step: one step is run again
    assertThat(first.get() + second.get()).isEqualTo(4 * 3 + 1);
  }

  @Test
  void aSearchKilledAtAnEpochEndContinuesBitForBit() throws IOException {
    TrialResult reference = searchReference;
    Checkpointing c = into("killed", ONLY_EPOCH_ENDS);
    AtomicInteger first = new AtomicInteger();
    assertThatThrownBy(() -> search(killAt(1, 0, first), c)).isInstanceOf(Killed.class);
    AtomicInteger second = new AtomicInteger();
    TrialResult continued = search(killAt(-1, -1, second), c);

    assertSameSearch(continued, reference);
    assertSameState(dir.resolve("killed"), references.resolve("search"));
    assertThat(first.get()).isEqualTo(2 * 3);
    assertThat(second.get()).isEqualTo(2 * 3); // nothing run twice
  }

  @Test
  void aSearchAskedToStopPausesAtTheNextStepAndContinuesBitForBit() throws IOException {
    TrialResult reference = searchReference;
    AtomicInteger steps = new AtomicInteger();
    TrainingProgress<SearchEpoch> counting = killAt(-1, -1, steps);
    String folder = dir.resolve("paused").toString();
    Checkpointing stopAfter8 = Checkpointing.into(folder, ONLY_EPOCH_ENDS, () -> steps.get() >= 8);
    assertThatThrownBy(() -> search(counting, stopAfter8))
        .isInstanceOf(TrainingPausedException.class)
        .hasMessageContaining("epoch 2, step 2");
    TrialResult continued = search(counting, into("paused", ONLY_EPOCH_ENDS));

    assertSameSearch(continued, reference);
    assertSameState(dir.resolve("paused"), references.resolve("search"));
    assertThat(steps.get()).isEqualTo(4 * 3);
  }

  @Test
  void aCheckpointOfAnotherTrialIsRefusedNamingWhatDiffers() {
    Checkpointing c = into("other", ONLY_EPOCH_ENDS);
    assertThatThrownBy(() -> search(killAt(0, 0, new AtomicInteger()), c))
        .isInstanceOf(Killed.class);
    SearchTrainer otherNu =
        new SearchTrainer(searchSpec(), new Weight(0.1, 1), TrainingProgress.none());
    assertThatThrownBy(() -> otherNu.run(search, c))
        .isInstanceOf(CheckpointMismatchException.class)
        .hasMessageContaining("weight.nu 0.2 there, 0.1 here")
        .hasMessageNotContaining("\n");
    SearchSpec moreEpochs =
        searchSpec().withTraining(searchSpec().training().toBuilder().epochs(5).build());
    assertThatThrownBy(
            () ->
                new SearchTrainer(moreEpochs, new Weight(0.2, 1), TrainingProgress.none())
                    .run(search, c))
        .hasMessageContaining("search.training.epochs 4 there, 5 here");
  }

  @Test
  void aCheckpointOfAnotherTrialIsDiscardedWhenAsked() {
    TrialResult reference = searchReference;
    Checkpointing c = into("other", ONLY_EPOCH_ENDS);
    new SearchTrainer(searchSpec(), new Weight(0.1, 1), TrainingProgress.none()).run(search, c);
    TrialResult overNew = search(TrainingProgress.none(), c.discardingMismatched());
    assertSameSearch(overNew, reference);
  }

  private static EvalResult train(TrainingProgress<EvalEpoch> p, Checkpointing c, String net) {
    Genotype g = GenotypeRegistry.bundled().get("PC_DARTS_cifar");
    return new EvalTrainer(evalSpec(), p).run(g, eval, net, c);
  }

  @Test
  void anEvaluationKilledInsideAnEpochContinuesBitForBit() throws IOException {
    String refNet = references.resolve("eval.ckpt").toString();
    EvalResult reference = evalReference;
    Checkpointing c = into("killed", EVERY_STEP);
    String net = dir.resolve("killed.ckpt").toString();
    AtomicInteger first = new AtomicInteger();
    assertThatThrownBy(() -> train(killAt(2, 2, first), c, net)).isInstanceOf(Killed.class);
    AtomicInteger second = new AtomicInteger();
    EvalResult continued = train(killAt(-1, -1, second), c, net);

    assertThat(Untimed.evalEpochs(continued.epochs()))
        .isEqualTo(Untimed.evalEpochs(reference.epochs()));
    assertThat(continued.params()).isEqualTo(reference.params());
    assertThat(Files.readAllBytes(Path.of(net))).isEqualTo(Files.readAllBytes(Path.of(refNet)));
    assertSameState(dir.resolve("killed"), references.resolve("eval"));
    assertThat(first.get() + second.get()).isEqualTo(3 * 3 + 1);
  }

  @Test
  void anEvaluationKilledAtAnEpochEndContinuesBitForBit() throws IOException {
    String refNet = references.resolve("eval.ckpt").toString();
    EvalResult reference = evalReference;
    Checkpointing c = into("killed", ONLY_EPOCH_ENDS);
    String net = dir.resolve("killed.ckpt").toString();
    assertThatThrownBy(() -> train(killAt(0, 0, new AtomicInteger()), c, net))
        .isInstanceOf(Killed.class);
    EvalResult continued = train(TrainingProgress.none(), c, net);

    assertThat(Untimed.evalEpochs(continued.epochs()))
        .isEqualTo(Untimed.evalEpochs(reference.epochs()));
    assertThat(Files.readAllBytes(Path.of(net))).isEqualTo(Files.readAllBytes(Path.of(refNet)));
    assertThat(EvalTrainer.checkpointedBatchSize(c)).contains(evalSpec().training().batchSize());
  }

  private static void assertSameSearch(TrialResult a, TrialResult b) {
    assertThat(a.ok()).isTrue();
    assertThat(a.genotype()).isEqualTo(b.genotype());
    assertThat(a.metrics()).isEqualTo(b.metrics());
    assertThat(Untimed.searchEpochs(a.epochs())).isEqualTo(Untimed.searchEpochs(b.epochs()));
  }

  /**
   * The final states of two folders hold the same arrays (weights, α, β, BN statistics, optimizer
   * state) to the bit.
   */
  private static void assertSameState(Path a, Path b) {
    assertThat(stateArrays(a)).isNotEmpty();
    List<float[]> left = stateArrays(a);
    List<float[]> right = stateArrays(b);
    assertThat(left).hasSameSizeAs(right);
    for (int i = 0; i < left.size(); i++) {
      assertThat(left.get(i)).as("array %d", i).isEqualTo(right.get(i));
    }
  }

  private static List<float[]> stateArrays(Path folder) {
    try (StateFiles files = new StateFiles(folder.toString());
        NDManager m = NDManager.newBaseManager()) {
      StateInput in = new StateInput(folder.toString(), files.newest().orElseThrow());
      List<float[]> out = new ArrayList<>();
      for (int group = 0; group < 2; group++) { // the network's arrays, then SGD's buffers
        for (NDArray x : in.arrays(m)) {
          out.add(x.toFloatArray());
        }
      }
      return out;
    }
  }
}
