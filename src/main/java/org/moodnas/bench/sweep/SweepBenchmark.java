package org.moodnas.bench.sweep;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.moodnas.bench.Overlap;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.SweepSpec;
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
