package org.moodnas.bench.sweep;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.moodnas.bench.Overlap;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.SweepSpec;
import org.moodnas.core.TimeSpan;
import org.moodnas.core.TrialResult;
import org.moodnas.core.TrialStatus;
import org.moodnas.pareto.ParetoFront;
import org.moodnas.pareto.Point;
import org.moodnas.pareto.SweepRounds;
import org.moodnas.spark.SearchSweep;
import org.moodnas.spark.executor.DataCache;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Warehouse;

/**
 * Sweeps run for their timing, into a scratch warehouse: a simulated sweep's wall time against the
 * ideal trials × S / P and the driver's per-trial cost of recording to Delta; a small real
 * Fashion-MNIST sweep (8 channels, 5 layers, 1 epoch, batch 64, no early stop) run one trial at a
 * time and then P at a time. In its own package because it drives the Spark side, which the step
 * benchmarks of {@code bench} do not.
 */
public final class SweepBenchmark {

  /** A simulated sweep: trials run, P, seconds per trial, wall and Delta recording seconds. */
  public record Simulated(
      int trials, int parallelism, double trialSeconds, double wallSeconds, double recordSeconds) {

    public double idealSeconds() {
      return trials * trialSeconds / parallelism;
    }

    public double overheadPerTrial() {
      return (wallSeconds - idealSeconds()) / trials;
    }

    public double recordPerTrial() {
      return recordSeconds / trials;
    }
  }

  /** One real sweep: its parallelism, wall time and how its trials overlapped. */
  public record Real(int parallelism, double wallSeconds, Overlap overlap) {}

  /** A sweep measured in trial lengths: its setting and {@link SweepRounds.Result}. */
  public record Rounds(
      double delta, int parallelism, boolean speculate, SweepRounds.Result result) {}

  private final SparkSession spark;
  private final Warehouse warehouse;

  public SweepBenchmark(SparkSession spark, Warehouse warehouse) {
    this.spark = spark;
    this.warehouse = warehouse;
  }

  /** The default sweep with every trial simulated as {@code seconds} of sleep. */
  public Simulated simulated(int parallelism, double seconds) throws InterruptedException {
    SweepSpec sweepSpec =
        SweepSpec.of(SearchSpec.DEFAULTS, new FanOutSpec(parallelism, 0)).simulated(seconds);
    SearchSweep sweep =
        new SearchSweep(spark, warehouse, "bench", sweepSpec, new PrintWriter(new StringWriter()));
    long t = System.nanoTime();
    sweep.start();
    double wall = (System.nanoTime() - t) / 1e9;
    return new Simulated(sweep.trialsRun(), parallelism, seconds, wall, sweep.recordingSeconds());
  }

  /**
   * The small real sweep of {@code trials} trials at each parallelism in turn, in this session; the
   * data read once first, as every trial after the first in an executor finds it cached.
   */
  public List<Real> real(int trials, double subsample, List<Integer> parallelisms, PrintWriter err)
      throws InterruptedException {
    SearchSpec trial = realSweep(trials, subsample, 1).trial();
    DataCache.get(trial.data(), trial.training());
    List<Real> out = new ArrayList<>();
    for (int p : parallelisms) {
      String runId = "p" + p + "-" + out.size();
      err.printf("bench sweep --real: %d trials, parallelism %d …%n", trials, p);
      err.flush();
      long t = System.nanoTime();
      new SearchSweep(spark, warehouse, runId, realSweep(trials, subsample, p), err).start();
      double wall = (System.nanoTime() - t) / 1e9;
      out.add(new Real(p, wall, Overlap.of(new SearchRecords(warehouse).spans(runId))));
    }
    return out;
  }

  /**
   * The default sweep at δ {@code delta} on {@code parallelism} slots, each simulated trial {@code
   * seconds} long, through Spark: its span from the first start to the last finish in trial
   * lengths, its trials by status, the mean number of trials running, the final front's largest
   * normalized gap (from search_trials and the returned front).
   */
  public Rounds rounds(double delta, int parallelism, boolean speculate, double seconds)
      throws InterruptedException {
    String runId = String.format(Locale.ROOT, "rounds-%s-%d-%b", delta, parallelism, speculate);
    SweepSpec sweepSpec =
        SweepSpec.of(SearchSpec.DEFAULTS, new FanOutSpec(parallelism, 0))
            .withDelta(delta)
            .withSpeculation(speculate)
            .simulated(seconds);
    List<Point> front =
        new SearchSweep(spark, warehouse, runId, sweepSpec, new PrintWriter(new StringWriter()))
            .start();
    List<TrialResult> trials = new SearchRecords(warehouse).trials(runId);
    List<TimeSpan> spans = new SearchRecords(warehouse).spans(runId);
    Instant first = spans.stream().map(TimeSpan::start).min(Instant::compareTo).orElseThrow();
    Instant last = spans.stream().map(TimeSpan::end).max(Instant::compareTo).orElseThrow();
    double span = Duration.between(first, last).toMillis() / 1e3;
    double busy =
        spans.stream()
            .mapToDouble(t -> Duration.between(t.start(), t.end()).toMillis() / 1e3)
            .sum();
    int cancelled = (int) trials.stream().filter(t -> t.status() == TrialStatus.CANCELLED).count();
    ParetoFront f = new ParetoFront();
    front.forEach(f::add);
    return new Rounds(
        delta,
        parallelism,
        speculate,
        new SweepRounds.Result(
            span / seconds,
            trials.size(),
            trials.size() - cancelled,
            cancelled,
            busy / span,
            SweepRounds.largestGap(f)));
  }

  private static SweepSpec realSweep(int trials, double subsample, int p) {
    SearchSpec trial =
        SearchSpec.DEFAULTS
            .withData(new DataSource(DatasetKind.FASHION_MNIST, null, subsample))
            .withArchWarmupEpochs(0)
            .withTraining(
                SearchSpec.DEFAULTS.training().toBuilder()
                    .initChannels(8)
                    .layers(5)
                    .epochs(1)
                    .batchSize(64)
                    .build());
    return SweepSpec.of(trial, new FanOutSpec(p, 0)).withMaxTrials(trials).withDelta(1e-9);
  }
}
