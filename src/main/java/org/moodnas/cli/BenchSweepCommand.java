package org.moodnas.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.moodnas.bench.Overlap;
import org.moodnas.core.DataSource;
import org.moodnas.core.DatasetKind;
import org.moodnas.core.FanOutSpec;
import org.moodnas.core.SearchSpec;
import org.moodnas.core.SweepSpec;
import org.moodnas.spark.SearchSweep;
import org.moodnas.spark.SparkSessions;
import org.moodnas.spark.executor.DataCache;
import org.moodnas.store.SearchRecords;
import org.moodnas.store.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mood-nas bench sweep}: a simulated sweep into a scratch warehouse, its wall time against
 * the ideal trials × S / P and the driver's per-trial cost of recording to Delta; with {@code
 * --real}, the same small real Fashion-MNIST sweep run one trial at a time and then P at a time.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Orchestration overhead of a simulated sweep; with --real, the speed-up of P real trials at"
          + " once over one at a time.",
      "The real trials search Fashion-MNIST with 8 channels, 5 layers, 1 epoch, batch 64."
    })
final class BenchSweepCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--simulate-seconds", description = "seconds each simulated trial takes")
  double seconds = 2;

  @Option(names = "--parallelism", description = "trials in flight at once")
  int parallelism = 2;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master")
  String master = "local[2]";

  @Option(
      names = "--real",
      description = "real trials: --parallelism 1, then --parallelism P, in the same session")
  boolean real;

  @Option(names = "--trials", description = "--real: trials per sweep")
  int trials = 4;

  @Option(names = "--subsample", description = "--real: share of Fashion-MNIST each trial reads")
  double subsample = 0.01;

  @Override
  public void run() {
    if (trials < 1) {
      throw new ParameterException(spec.commandLine(), "--trials " + trials + ": must be ≥ 1");
    }
    try {
      long t0 = System.nanoTime();
      SparkSession spark = SparkSessions.getOrCreate(master);
      double sessionS = (System.nanoTime() - t0) / 1e9;
      Warehouse wh =
          new Warehouse(
              spark, Files.createTempDirectory("mood-nas-bench-sweep").toUri().toString());
      if (real) {
        realSweeps(spark, wh);
      } else {
        simulatedSweep(spark, wh, sessionS);
      }
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException("bench sweep: " + e.getMessage(), e);
    }
  }

  private void simulatedSweep(SparkSession spark, Warehouse wh, double sessionS)
      throws InterruptedException {
    SweepSpec sweepSpec =
        SweepSpec.of(SearchSpec.DEFAULTS, new FanOutSpec(parallelism, 0)).simulated(seconds);
    SearchSweep sweep =
        new SearchSweep(spark, wh, "bench", sweepSpec, new PrintWriter(new StringWriter()));
    long t1 = System.nanoTime();
    sweep.start();
    double sweepS = (System.nanoTime() - t1) / 1e9;
    int n = sweep.trialsRun();
    double ideal = n * seconds / parallelism;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("trials", n);
    r.put("parallelism", parallelism);
    r.put("simulate_seconds", seconds);
    r.put("session_start_s", sessionS);
    r.put("sweep_wall_s", sweepS);
    r.put("ideal_s", ideal);
    r.put("overhead_per_trial_s", (sweepS - ideal) / n);
    r.put("delta_record_per_trial_s", sweep.recordingSeconds() / n);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "sweep: %d trials, wall %.1f s (ideal %d × %.1f s / %d = %.1f s) + session start %.1f s;"
            + " %.2f s overhead per trial, of which %.2f s recording to Delta%n",
        n,
        sweepS,
        n,
        seconds,
        parallelism,
        ideal,
        sessionS,
        (sweepS - ideal) / n,
        sweep.recordingSeconds() / n);
    out.println(Json.write(r));
    out.flush();
  }

  /** The small real sweep, with {@code trials} trials and no early stop. */
  private SweepSpec realSweep(int p) {
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

  private void realSweeps(SparkSession spark, Warehouse wh) throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Read once before timing, as every trial after the first in an executor finds it cached.
    SearchSpec trial = realSweep(1).trial();
    DataCache.get(trial.data(), trial.training());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("trials", trials);
    r.put("master", master);
    double[] wall = new double[2];
    int[] ps = {1, parallelism};
    for (int i = 0; i < 2; i++) {
      String runId = "p" + ps[i];
      err.printf("bench sweep --real: %d trials, parallelism %d …%n", trials, ps[i]);
      err.flush();
      long t = System.nanoTime();
      new SearchSweep(spark, wh, runId, realSweep(ps[i]), err).start();
      wall[i] = (System.nanoTime() - t) / 1e9;
      Overlap o = Overlap.of(new SearchRecords(wh).spans(runId));
      out.printf(
          "parallelism %d: wall %.1f s; trials ran %.1f s, of which %.1f s with two or more at once"
              + " (at most %d)%n",
          ps[i], wall[i], o.busySeconds(), o.overlapSeconds(), o.most());
      r.put("parallelism_" + ps[i], Map.of("wall_s", wall[i], "overlap", o));
    }
    r.put("speed_up", wall[0] / wall[1]);
    out.printf("speed-up of parallelism %d: %.2fx%n", parallelism, wall[0] / wall[1]);
    out.println(Json.write(r));
    out.flush();
  }
}
