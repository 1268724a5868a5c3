package org.moodnas.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.moodnas.bench.Overlap;
import org.moodnas.core.EvalEpoch;
import org.moodnas.core.EvalResult;
import org.moodnas.core.EvalSpec;
import org.moodnas.core.TimeSpan;
import org.moodnas.core.TrialResult;
import org.moodnas.core.Weight;
import org.moodnas.data.TrainingData;
import org.moodnas.space.GenotypeRegistry;
import org.moodnas.testing.TinyFashionMnist;
import org.moodnas.testing.Untimed;

/**
 * Trainings on two threads of one JVM at once (CPU, one thread each) give exactly what each gives
 * alone: nothing they share (grad mode, the engine's generator, data) leaks between them.
 */
@Tag("slow")
class ConcurrentTrainingTest {

  private static TrainingData search;
  private static TrainingData eval;

  @BeforeAll
  static void data() {
    // a few batches are enough: the steps, not the learning, are what must not interfere
    PrintWriter quiet = new PrintWriter(new StringWriter());
    search = first(TrainingData.load(TinyFashionMnist.data(), 2, 0.5, quiet), 128, 128, 0);
    eval = first(TrainingData.load(TinyFashionMnist.data(), 0, 0.8, quiet), 96, 32, 64);
  }

  private static TrainingData first(TrainingData d, int train, int heldOut, int test) {
    return new TrainingData(
        d.train().range(0, train),
        d.heldOut().range(0, heldOut),
        d.test().range(0, test),
        d.normalization(),
        d.kind());
  }

  /** Runs {@code training} on a thread of its own with one PyTorch thread; notes when it ran. */
  private static <T> Callable<T> oneThread(Callable<T> training, List<TimeSpan> ran) {
    return () -> {
      Devices.useCpuThreads(1);
      Instant start = Instant.now();
      T r = training.call();
      ran.add(new TimeSpan(start, Instant.now()));
      return r;
    };
  }

  /**
   * Each alone, then both at once; returns {a alone, b alone, a together, b together}, after
   * checking that the two together did run at once.
   */
  private static <T> List<T> aloneThenTogether(Callable<T> a, Callable<T> b) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<TimeSpan> alone = new CopyOnWriteArrayList<>();
    List<TimeSpan> together = new CopyOnWriteArrayList<>();
    try {
      T aAlone = pool.submit(oneThread(a, alone)).get();
      T bAlone = pool.submit(oneThread(b, alone)).get();
      Future<T> aTogether = pool.submit(oneThread(a, together));
      Future<T> bTogether = pool.submit(oneThread(b, together));
      List<T> r = List.of(aAlone, bAlone, aTogether.get(), bTogether.get());
      Overlap o = Overlap.of(together);
      assertThat(o.most()).isEqualTo(2);
      // the shorter training must have spent most of its time beside the other (the two differ in
      // length, so the union of both is no yardstick)
      double shorter = together.stream().mapToDouble(TimeSpan::seconds).min().orElseThrow();
      assertThat(o.overlapSeconds()).isGreaterThan(0.5 * shorter);
      return r;
    } finally {
      pool.shutdownNow();
    }
  }

  private static TrialResult search(double nu) {
    return new SearchTrainer(TinyFashionMnist.search(), new Weight(nu, 1), TrainingProgress.none())
        .run(search);
  }

  @Test
  void twoSearchesAtOnceEachGiveWhatTheyGiveAlone() throws Exception {
    List<TrialResult> r = aloneThenTogether(() -> search(0.2), () -> search(0));
    Function<TrialResult, List<Object>> outcome =
        t -> List.of(t.metrics(), t.genotype(), t.epochs().stream().map(Untimed::search).toList());
    assertThat(outcome.apply(r.get(2))).isEqualTo(outcome.apply(r.get(0)));
    assertThat(outcome.apply(r.get(3))).isEqualTo(outcome.apply(r.get(1)));
    assertThat(r.get(0).metrics()).isNotEqualTo(r.get(1).metrics());
  }

  private EvalResult train(String arch) {
    // Two epochs: the second drops paths (p = 0.3 · 1/2), with masks of its own generator.
    EvalSpec spec =
        TinyFashionMnist.eval()
            .withTraining(
                TinyFashionMnist.eval().training().toBuilder().epochs(2).trainPortion(0.8).build());
    return new EvalTrainer(spec, TrainingProgress.none())
        .run(GenotypeRegistry.bundled().get(arch), eval, null);
  }

  @Test
  void twoEvaluationsAtOnceEachGiveWhatTheyGiveAlone() throws Exception {
    List<EvalResult> r = aloneThenTogether(() -> train("PC_DARTS_cifar"), () -> train("DARTS_V2"));
    Function<EvalResult, List<EvalEpoch>> epochs = e -> Untimed.evalEpochs(e.epochs());
    assertThat(epochs.apply(r.get(2))).isEqualTo(epochs.apply(r.get(0)));
    assertThat(epochs.apply(r.get(3))).isEqualTo(epochs.apply(r.get(1)));
  }
}
